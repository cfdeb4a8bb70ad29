package io.jobguard.metrics;

import io.jobguard.operator.JobguardConfig;
import io.jobguard.operator.findings.FindingApi;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * The counters and histogram of SPEC §6. Micrometer's Prometheus naming turns {@code
 * jobguard.detections} into {@code jobguard_detections_total} and the latency timer into {@code
 * jobguard_detection_latency_seconds}.
 */
@ApplicationScoped
public class JobguardMetrics {
  /** Every value {@link #findingWrite} is called with. */
  static final List<String> WRITE_OUTCOMES =
      Stream.concat(
              Stream.of(FindingApi.Outcome.values()).map(FindingApi.Outcome::metricValue),
              Stream.of("dropped", "retention"))
          .toList();

  private final MeterRegistry registry;
  private final boolean namespaceLabel;
  private final Timer latency;
  private final Counter findingsDeleted;

  @Inject
  public JobguardMetrics(MeterRegistry registry, JobguardConfig config) {
    this(registry, config.metrics().namespaceLabel());
  }

  public JobguardMetrics(MeterRegistry registry, boolean namespaceLabel) {
    this.registry = registry;
    this.namespaceLabel = namespaceLabel;
    this.latency =
        Timer.builder("jobguard.detection.latency")
            .description("From the object's creationTimestamp to its Finding being written")
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(10))
            .maximumExpectedValue(Duration.ofMinutes(10))
            .register(registry);
    this.findingsDeleted =
        Counter.builder("jobguard.findings.deleted")
            .description("Findings deleted by someone other than jobguard's retention")
            .register(registry);
    // Alerts use increase() over these; a series born at its first increment hides that first
    // error from increase(), so every outcome exists at 0 from the start.
    for (String outcome : WRITE_OUTCOMES) {
      registry.counter("jobguard.finding.writes", "outcome", outcome);
    }
  }

  /** A watch of {@code kind} starts: its gap counter exists at 0, so the first gap alerts. */
  public void watchStarted(String kind) {
    registry.counter("jobguard.watch.gaps", "kind", kind);
  }

  /** A rule matched a newly seen object. */
  public void detection(String rule, String severity, String subjectKind, String namespace) {
    registry
        .counter(
            "jobguard.detections",
            withNamespace(
                Tags.of("rule", rule, "severity", severity, "subject_kind", subjectKind),
                namespace))
        .increment();
  }

  public void evaluation(String kind) {
    registry.counter("jobguard.evaluations", "kind", kind).increment();
  }

  /** An event could not be handled (malformed object, API failure during owner lookup). */
  public void evaluationError(String kind) {
    registry.counter("jobguard.evaluation.errors", "kind", kind).increment();
  }

  public void watchEvent(String kind, String type) {
    registry.counter("jobguard.watch.events", "kind", kind, "type", type).increment();
  }

  /** A watch ended or failed and the informer has to re-list: events may have been missed. */
  public void watchGap(String kind) {
    registry.counter("jobguard.watch.gaps", "kind", kind).increment();
  }

  /** Outcome of one API write of a Finding: created, updated, conflict, error, retention. */
  public void findingWrite(String outcome) {
    registry.counter("jobguard.finding.writes", "outcome", outcome).increment();
  }

  public void findingDeletedByOthers() {
    findingsDeleted.increment();
  }

  public void latency(Duration sinceCreation) {
    latency.record(sinceCreation.isNegative() ? Duration.ZERO : sinceCreation);
  }

  public boolean namespaceLabel() {
    return namespaceLabel;
  }

  private Tags withNamespace(Tags tags, String namespace) {
    return namespaceLabel ? tags.and("namespace", namespace == null ? "" : namespace) : tags;
  }
}
