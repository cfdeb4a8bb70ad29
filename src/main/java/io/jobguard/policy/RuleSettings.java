package io.jobguard.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Settings of one rule in a DetectionPolicy. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RuleSettings {
  @JsonPropertyDescription("The rule id, e.g. host-cron-mount.")
  private String id;

  @JsonPropertyDescription("false turns the rule off; default true.")
  private Boolean enabled;

  @JsonPropertyDescription("Severity override: info, low, medium, high or critical.")
  private String severity;

  @JsonPropertyDescription("Rule parameters, such as extra sensitive paths or command patterns.")
  private RuleParameters parameters;

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public Boolean getEnabled() {
    return enabled;
  }

  public void setEnabled(Boolean enabled) {
    this.enabled = enabled;
  }

  public String getSeverity() {
    return severity;
  }

  public void setSeverity(String severity) {
    this.severity = severity;
  }

  public RuleParameters getParameters() {
    return parameters;
  }

  public void setParameters(RuleParameters parameters) {
    this.parameters = parameters;
  }
}
