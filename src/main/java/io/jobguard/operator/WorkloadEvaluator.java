package io.jobguard.operator;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.jobguard.findings.FindingFactory;
import io.jobguard.metrics.JobguardMetrics;
import io.jobguard.model.Workload;
import io.jobguard.model.WorkloadFactory;
import io.jobguard.operator.findings.FindingObservation;
import io.jobguard.operator.findings.FindingWriter;
import io.jobguard.operator.policy.ActivePolicy;
import io.jobguard.operator.watch.ClusterOwnerLookup;
import io.jobguard.rules.Detection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * Evaluates one object exactly as it arrived in its watch event (never re-read later, so a Pod that
 * lived for a second is still judged) and hands each rule's detections to the writer.
 */
@ApplicationScoped
public class WorkloadEvaluator {
  private final ActivePolicy policy;
  private final OwnerResolver owners;
  private final FindingWriter writer;
  private final JobguardMetrics metrics;
  private final Clock clock = Clock.systemUTC();

  public WorkloadEvaluator(
      ActivePolicy policy,
      ClusterOwnerLookup lookup,
      FindingWriter writer,
      JobguardMetrics metrics) {
    this.policy = policy;
    this.owners = new OwnerResolver(lookup);
    this.writer = writer;
    this.metrics = metrics;
  }

  /** Judges an object from a watch event: each rule that fires counts as an occurrence. */
  public void evaluate(HasMetadata object) {
    judge(object, true).forEach(writer::record);
  }

  /**
   * Judges a cached object again under the policy in force now (after a policy change or an
   * exception's expiry): existing Findings take the new verdict (severity, suppression, evidence),
   * but nothing counts as a new occurrence.
   */
  public void rejudge(HasMetadata object) {
    judge(object, false).forEach(writer::rejudge);
  }

  private List<FindingObservation> judge(HasMetadata object, boolean counted) {
    Optional<Workload> workload = WorkloadFactory.from(object);
    if (workload.isEmpty()) {
      return List.of();
    }
    if (counted) {
      metrics.evaluation(object.getKind());
    }
    Instant now = clock.instant();
    // Exceptions name the reported subject (the DaemonSet, not its Pod), so resolve owners first.
    Rollup rollup = owners.resolve(workload.get());
    List<Detection> detections = policy.current().evaluate(workload.get(), rollup.subject(), now);
    Instant createdAt = createdAt(object);
    return FindingFactory.byRule(detections).values().stream()
        .map(d -> new FindingObservation(rollup, workload.get(), d, createdAt, now))
        .toList();
  }

  private static Instant createdAt(HasMetadata object) {
    String timestamp = object.getMetadata().getCreationTimestamp();
    try {
      return timestamp == null ? null : Instant.parse(timestamp);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
