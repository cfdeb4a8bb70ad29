package io.jobguard.operator.findings;

import io.jobguard.api.v1alpha1.ApiGroup;
import io.jobguard.api.v1alpha1.Finding;
import io.jobguard.api.v1alpha1.FindingEvidence;
import io.jobguard.api.v1alpha1.FindingSpec;
import io.jobguard.api.v1alpha1.FindingStatus;
import io.jobguard.api.v1alpha1.PodTemplateSnapshot;
import io.jobguard.findings.FindingFactory;
import io.jobguard.model.Workload;
import io.jobguard.policy.IgnoreMarkers;
import io.jobguard.rules.Detection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What the policy in force says about one Finding: its severity (after overrides), evidence and
 * template, whether an exception suppresses it, and which ignore-marker annotations its workload
 * carries. The writer compares the verdict it last wrote with a new one to decide whether an
 * existing Finding must be rewritten.
 */
record FindingVerdict(
    String severity,
    List<FindingEvidence> evidence,
    PodTemplateSnapshot template,
    String suppressedBy,
    String suppressionReason,
    List<String> ignoreAnnotations) {

  static FindingVerdict of(FindingObservation o) {
    Finding built =
        FindingFactory.create(
            o.subject(), o.rollup().chain(), o.evaluated(), o.detections(), o.seenAt());
    Detection suppressing = o.suppressed() ? o.detections().get(0) : null;
    return new FindingVerdict(
        built.getSpec().getRule().getSeverity(),
        built.getSpec().getEvidence(),
        built.getSpec().getTemplate(),
        suppressing == null ? null : suppressing.suppressedBy(),
        suppressing == null ? null : suppressing.suppressionReason(),
        ignoreMarkers(o.evaluated()));
  }

  /** The verdict a Finding read from the cluster carries. */
  static FindingVerdict of(Finding finding) {
    FindingSpec spec = finding.getSpec() == null ? new FindingSpec() : finding.getSpec();
    FindingStatus status = finding.getStatus() == null ? new FindingStatus() : finding.getStatus();
    return new FindingVerdict(
        spec.getRule() == null ? null : spec.getRule().getSeverity(),
        spec.getEvidence(),
        spec.getTemplate(),
        status.getSuppressedBy(),
        status.getSuppressionReason(),
        status.getIgnoreAnnotations());
  }

  /**
   * Ignore markers on the evaluated object and its pod template. Recorded, never obeyed: whoever
   * writes a workload writes its annotations too (see {@link IgnoreMarkers}).
   */
  static List<String> ignoreMarkers(Workload workload) {
    TreeSet<String> keys = new TreeSet<>(IgnoreMarkers.find(workload.annotations()));
    keys.addAll(IgnoreMarkers.find(workload.podSpec().podAnnotations()));
    return new ArrayList<>(keys);
  }

  boolean suppressed() {
    return suppressedBy != null;
  }

  /** True when the Finding's spec or labels must change to show this verdict. */
  boolean specDiffers(FindingVerdict written, boolean includeTemplate) {
    return !Objects.equals(severity, written.severity)
        || includeTemplate
            && (!Objects.equals(evidence, written.evidence)
                || !Objects.equals(template, written.template));
  }

  boolean statusDiffers(FindingVerdict written) {
    return !Objects.equals(suppressedBy, written.suppressedBy)
        || !Objects.equals(suppressionReason, written.suppressionReason)
        || !Objects.equals(ignoreAnnotations, written.ignoreAnnotations);
  }

  void applyTo(FindingStatus status) {
    status.setSuppressedBy(suppressedBy);
    status.setSuppressionReason(suppressionReason);
    status.setIgnoreAnnotations(new ArrayList<>(ignoreAnnotations));
  }

  void applyTo(Finding finding) {
    Map<String, String> labels = finding.getMetadata().getLabels();
    labels.put(ApiGroup.LABEL_SEVERITY, severity);
    finding.getSpec().getRule().setSeverity(severity);
    finding.getSpec().setEvidence(new ArrayList<>(evidence));
    finding.getSpec().setTemplate(template);
  }
}
