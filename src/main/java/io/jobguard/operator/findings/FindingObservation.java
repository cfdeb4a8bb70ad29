package io.jobguard.operator.findings;

import io.jobguard.findings.FindingNames;
import io.jobguard.model.ObjectRef;
import io.jobguard.model.Workload;
import io.jobguard.operator.Rollup;
import io.jobguard.rules.Detection;
import io.jobguard.rules.Severity;
import java.time.Instant;
import java.util.List;

/**
 * The detections of one rule on one evaluated object, with where they roll up to.
 *
 * @param createdAt the evaluated object's creationTimestamp (null when the API did not say)
 * @param seenAt when the event was handled
 */
public record FindingObservation(
    Rollup rollup,
    Workload evaluated,
    List<Detection> detections,
    Instant createdAt,
    Instant seenAt) {

  public FindingObservation {
    if (detections.isEmpty()) {
      throw new IllegalArgumentException("an observation needs at least one detection");
    }
    detections = List.copyOf(detections);
  }

  public ObjectRef subject() {
    return rollup.subject();
  }

  public String ruleId() {
    return detections.get(0).ruleId();
  }

  /** The Finding's namespace/name key. */
  public String key() {
    return FindingWriter.key(subject().namespace(), FindingNames.nameFor(subject(), ruleId()));
  }

  public Severity severity() {
    return detections.stream().map(Detection::severity).max(Enum::compareTo).orElseThrow();
  }

  /**
   * True when the evaluated object is the subject itself (not a Pod or Job it owns): only then does
   * its template and evidence replace the Finding's, so the many Pods of a CronJob do not rewrite
   * its Finding on every run.
   */
  public boolean ownSubject() {
    return rollup.chain().size() == 1;
  }

  /** Suppressed observations are recorded as evidence but raise no Event. */
  public boolean suppressed() {
    return detections.stream().allMatch(Detection::suppressed);
  }
}
