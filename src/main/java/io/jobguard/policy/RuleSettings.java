package io.jobguard.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/** Settings of one rule in a DetectionPolicy. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RuleSettings {
  @JsonPropertyDescription("The rule id, e.g. host-cron-mount (see docs/rules.md).")
  @Required
  @Pattern(PolicySyntax.RULE_ID)
  private String id;

  @JsonPropertyDescription("false turns the rule off; default true.")
  private Boolean enabled;

  @JsonPropertyDescription(
      "Severity override: every detection of the rule gets this severity, whatever its"
          + " evidence warrants.")
  @SchemaFrom(type = SeverityWord.class)
  private String severity;

  @JsonPropertyDescription(
      "Rule parameters: sensitivePaths (sensitive-host-path only) and commandPatterns"
          + " (suspicious-command only).")
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
