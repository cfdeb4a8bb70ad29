package io.jobguard.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The rule a Finding reports, copied so the Finding explains itself without the docs. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class FindingRule {
  @JsonPropertyDescription("Rule id, e.g. host-cron-mount.")
  private String id;

  @JsonPropertyDescription("Rule title.")
  private String title;

  @JsonPropertyDescription("Effective severity: info, low, medium, high or critical.")
  private String severity;

  @JsonPropertyDescription("MITRE ATT&CK technique ids.")
  private List<String> attack = new ArrayList<>();

  @JsonPropertyDescription("How to fix the workload.")
  private String remediation;

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getSeverity() {
    return severity;
  }

  public void setSeverity(String severity) {
    this.severity = severity;
  }

  public List<String> getAttack() {
    return attack;
  }

  public void setAttack(List<String> attack) {
    this.attack = attack == null ? new ArrayList<>() : attack;
  }

  public String getRemediation() {
    return remediation;
  }

  public void setRemediation(String remediation) {
    this.remediation = remediation;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FindingRule r
        && Objects.equals(id, r.id)
        && Objects.equals(title, r.title)
        && Objects.equals(severity, r.severity)
        && Objects.equals(attack, r.attack)
        && Objects.equals(remediation, r.remediation);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, title, severity, attack, remediation);
  }
}
