package io.jobguard.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import java.util.ArrayList;
import java.util.List;

/** The spec of a DetectionPolicy (SPEC §5.2), shared by the CRD and by {@code scan --policy}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DetectionPolicySpec {
  @JsonPropertyDescription(
      "Which rules run: baseline (default; every rule except the restricted-only ones) or"
          + " restricted (adds the PSS restricted hardening rules).")
  @SchemaFrom(type = ProfileWord.class)
  private String profile;

  @JsonPropertyDescription(
      "Per-rule settings: enable or disable, severity override, parameters. One entry per rule id.")
  private List<RuleSettings> rules = new ArrayList<>();

  @JsonPropertyDescription(
      "Image registries workloads may pull from, e.g. registry.example.com or ghcr.io/my-org;"
          + " when set, untrusted-registry reports images from anywhere else.")
  private List<String> allowedRegistries = new ArrayList<>();

  @JsonPropertyDescription(
      "Exceptions: detections they cover are still recorded, marked suppressed with the"
          + " exception's name and reason.")
  private List<PolicyExceptionSpec> exceptions = new ArrayList<>();

  public String getProfile() {
    return profile;
  }

  public void setProfile(String profile) {
    this.profile = profile;
  }

  public List<RuleSettings> getRules() {
    return rules;
  }

  public void setRules(List<RuleSettings> rules) {
    this.rules = rules == null ? new ArrayList<>() : rules;
  }

  public List<String> getAllowedRegistries() {
    return allowedRegistries;
  }

  public void setAllowedRegistries(List<String> allowedRegistries) {
    this.allowedRegistries = allowedRegistries == null ? new ArrayList<>() : allowedRegistries;
  }

  public List<PolicyExceptionSpec> getExceptions() {
    return exceptions;
  }

  public void setExceptions(List<PolicyExceptionSpec> exceptions) {
    this.exceptions = exceptions == null ? new ArrayList<>() : exceptions;
  }
}
