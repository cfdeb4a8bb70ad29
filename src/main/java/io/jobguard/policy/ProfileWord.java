package io.jobguard.policy;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The profile words a DetectionPolicy accepts, as the CRD schema's enum (see {@link SeverityWord}
 * for why the Java field stays a string).
 */
public enum ProfileWord {
  @JsonProperty("baseline")
  BASELINE,
  @JsonProperty("restricted")
  RESTRICTED
}
