package io.jobguard.metrics;

import io.jobguard.api.v1alpha1.ApiGroup;
import io.jobguard.api.v1alpha1.Finding;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code jobguard_findings{rule,severity}}: Finding objects that exist now, kept up to date from
 * the Finding informer's add, update and delete events rather than by listing at scrape time.
 */
@ApplicationScoped
public class FindingGauges {
  static final String NAME = "jobguard.findings";

  private final MeterRegistry registry;
  private final boolean namespaceLabel;
  private final Map<Tags, AtomicLong> counts = new ConcurrentHashMap<>();

  public FindingGauges(MeterRegistry registry, JobguardMetrics metrics) {
    this.registry = registry;
    this.namespaceLabel = metrics.namespaceLabel();
  }

  public void added(Finding finding) {
    gauge(tagsOf(finding)).incrementAndGet();
  }

  public void removed(Finding finding) {
    gauge(tagsOf(finding)).updateAndGet(n -> Math.max(0, n - 1));
  }

  public void changed(Finding before, Finding after) {
    if (!tagsOf(before).equals(tagsOf(after))) {
      removed(before);
      added(after);
    }
  }

  /** Forgets all counts, e.g. when the informers restart and re-list every Finding. */
  public void reset() {
    counts.values().forEach(c -> c.set(0));
  }

  private AtomicLong gauge(Tags tags) {
    return counts.computeIfAbsent(
        tags,
        t -> {
          // A gauge of the same id left by an earlier application start in this JVM (Quarkus dev
          // mode, test restarts) would still read that start's counter: replace it.
          Gauge stale = registry.find(NAME).tags(t).gauge();
          if (stale != null) {
            registry.remove(stale);
          }
          AtomicLong value = new AtomicLong();
          Gauge.builder(NAME, value, AtomicLong::get)
              .description("Finding objects that exist now")
              .tags(t)
              .register(registry);
          return value;
        });
  }

  private Tags tagsOf(Finding finding) {
    Map<String, String> labels = finding.getMetadata().getLabels();
    String rule = labels == null ? "" : labels.getOrDefault(ApiGroup.LABEL_RULE, "");
    String severity = labels == null ? "" : labels.getOrDefault(ApiGroup.LABEL_SEVERITY, "");
    Tags tags = Tags.of("rule", rule, "severity", severity);
    return namespaceLabel ? tags.and("namespace", finding.getMetadata().getNamespace()) : tags;
  }
}
