package io.jobguard.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** What was found: rule, subject, owner chain, evidence and template snapshot. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class FindingSpec {
  @JsonPropertyDescription("The rule that fired, copied from the rule catalogue.")
  private FindingRule rule;

  @JsonPropertyDescription("The top-level object the finding is reported on.")
  private SubjectReference subject;

  @JsonPropertyDescription(
      "The objects it was reached through, from the evaluated object up to the subject.")
  private List<SubjectReference> ownerChain = new ArrayList<>();

  @JsonPropertyDescription("What the rule matched: one entry per offending field.")
  private List<FindingEvidence> evidence = new ArrayList<>();

  @JsonPropertyDescription(
      "The parts of the pod template that matter, kept after the subject is gone.")
  private PodTemplateSnapshot template;

  public FindingRule getRule() {
    return rule;
  }

  public void setRule(FindingRule rule) {
    this.rule = rule;
  }

  public SubjectReference getSubject() {
    return subject;
  }

  public void setSubject(SubjectReference subject) {
    this.subject = subject;
  }

  public List<SubjectReference> getOwnerChain() {
    return ownerChain;
  }

  public void setOwnerChain(List<SubjectReference> ownerChain) {
    this.ownerChain = ownerChain == null ? new ArrayList<>() : ownerChain;
  }

  public List<FindingEvidence> getEvidence() {
    return evidence;
  }

  public void setEvidence(List<FindingEvidence> evidence) {
    this.evidence = evidence == null ? new ArrayList<>() : evidence;
  }

  public PodTemplateSnapshot getTemplate() {
    return template;
  }

  public void setTemplate(PodTemplateSnapshot template) {
    this.template = template;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FindingSpec other
        && Objects.equals(rule, other.rule)
        && Objects.equals(subject, other.subject)
        && Objects.equals(ownerChain, other.ownerChain)
        && Objects.equals(evidence, other.evidence)
        && Objects.equals(template, other.template);
  }

  @Override
  public int hashCode() {
    return Objects.hash(rule, subject, ownerChain, evidence, template);
  }
}
