package io.jobguard.policy;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The severity words a DetectionPolicy accepts, as the CRD schema's enum. The Java field stays a
 * string so that a bad value reaches {@link PolicyValidator}, which names the field, instead of
 * failing deserialisation in the operator's informer.
 */
public enum SeverityWord {
  @JsonProperty("info")
  INFO,
  @JsonProperty("low")
  LOW,
  @JsonProperty("medium")
  MEDIUM,
  @JsonProperty("high")
  HIGH,
  @JsonProperty("critical")
  CRITICAL
}
