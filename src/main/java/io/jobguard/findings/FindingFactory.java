package io.jobguard.findings;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.jobguard.api.v1alpha1.ApiGroup;
import io.jobguard.api.v1alpha1.Finding;
import io.jobguard.api.v1alpha1.FindingEvidence;
import io.jobguard.api.v1alpha1.FindingRule;
import io.jobguard.api.v1alpha1.FindingSpec;
import io.jobguard.api.v1alpha1.FindingStatus;
import io.jobguard.api.v1alpha1.SubjectReference;
import io.jobguard.model.ObjectRef;
import io.jobguard.model.Workload;
import io.jobguard.rules.Detection;
import io.jobguard.rules.Evidence;
import io.jobguard.rules.RuleMetadata;
import io.jobguard.rules.Severity;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the detections of one rule on one subject into the Finding object the operator writes (and
 * {@code scan -o yaml} prints). Pure: no API calls, so both callers share it.
 */
public final class FindingFactory {
  /** Evidence entries kept per Finding; the count of all detections is kept in status. */
  public static final int MAX_EVIDENCE = 20;

  static final int MAX_VALUE_CHARS = 1024;
  static final int MAX_MESSAGE_CHARS = 1024;

  private FindingFactory() {}

  /**
   * A new Finding for {@code subject}, seen at {@code now} while evaluating {@code evaluated}
   * (which is the subject itself or a Job/Pod it owns, reached through {@code ownerChain}).
   *
   * @param detections detections of a single rule, all about {@code evaluated}
   */
  public static Finding create(
      ObjectRef subject,
      List<ObjectRef> ownerChain,
      Workload evaluated,
      List<Detection> detections,
      Instant now) {
    if (detections.isEmpty()) {
      throw new IllegalArgumentException("a Finding needs at least one detection");
    }
    Detection first = detections.get(0);
    Severity severity =
        detections.stream().map(Detection::severity).max(Enum::compareTo).orElseThrow();
    Finding finding = new Finding();
    finding.setMetadata(
        new ObjectMetaBuilder()
            .withName(FindingNames.nameFor(subject, first.ruleId()))
            .withNamespace(subject.namespace())
            .withLabels(labels(subject, first.ruleId(), severity))
            .build());
    FindingSpec spec = new FindingSpec();
    spec.setRule(rule(first.rule(), severity));
    spec.setSubject(SubjectReference.of(subject));
    spec.setOwnerChain(ownerChain.stream().map(SubjectReference::of).toList());
    spec.setEvidence(
        detections.stream().limit(MAX_EVIDENCE).map(d -> evidence(d.evidence())).toList());
    spec.setTemplate(TemplateSnapshots.of(evaluated));
    finding.setSpec(spec);
    finding.setStatus(status(first, now));
    return finding;
  }

  /** Groups detections by rule id, keeping the engine's rule order. */
  public static Map<String, List<Detection>> byRule(List<Detection> detections) {
    Map<String, List<Detection>> grouped = new LinkedHashMap<>();
    for (Detection d : detections) {
      grouped.computeIfAbsent(d.ruleId(), id -> new java.util.ArrayList<>()).add(d);
    }
    return grouped;
  }

  public static Map<String, String> labels(ObjectRef subject, String ruleId, Severity severity) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(ApiGroup.LABEL_RULE, ruleId);
    labels.put(ApiGroup.LABEL_SEVERITY, severity.word());
    labels.put(ApiGroup.LABEL_SUBJECT_KIND, FindingNames.labelValue(subject.kind()));
    labels.put(ApiGroup.LABEL_SUBJECT_NAME, FindingNames.labelValue(subject.name()));
    return labels;
  }

  private static FindingRule rule(RuleMetadata metadata, Severity severity) {
    FindingRule rule = new FindingRule();
    rule.setId(metadata.id());
    rule.setTitle(metadata.title());
    rule.setSeverity(severity.word());
    rule.setAttack(metadata.attack());
    rule.setRemediation(metadata.remediation());
    return rule;
  }

  private static FindingEvidence evidence(Evidence e) {
    FindingEvidence evidence = new FindingEvidence();
    evidence.setContainer(e.container());
    evidence.setField(Truncation.truncate(e.field(), MAX_VALUE_CHARS));
    evidence.setValue(Truncation.truncate(e.value(), MAX_VALUE_CHARS));
    evidence.setMessage(Truncation.truncate(e.message(), MAX_MESSAGE_CHARS));
    evidence.setPattern(e.pattern());
    return evidence;
  }

  private static FindingStatus status(Detection first, Instant now) {
    FindingStatus status = new FindingStatus();
    status.setFirstSeen(now.toString());
    status.setLastSeen(now.toString());
    status.setCount(1L);
    status.setSubjectExists(true);
    status.setSuppressedBy(first.suppressedBy());
    return status;
  }
}
