package io.jobguard.operator.findings;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.cache.BasicItemStore;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.jobguard.api.v1alpha1.Finding;
import io.jobguard.metrics.FindingGauges;
import io.jobguard.metrics.JobguardMetrics;
import io.jobguard.operator.JobguardConfig;
import io.jobguard.operator.watch.ScopedInformers;
import io.jobguard.operator.watch.StallWatchdog;
import io.jobguard.operator.watch.WatchScope;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Watches the Findings that exist, so the writer knows them across restarts (no duplicates, counts
 * carried on), the findings gauge is exact, and deletions by someone else are counted.
 */
@ApplicationScoped
public class FindingInformer implements ResourceEventHandler<Finding> {
  private final KubernetesClient client;
  private final FindingWriter writer;
  private final FindingEvents events;
  private final FindingGauges gauges;
  private final JobguardMetrics metrics;
  private final Set<String> expectedDeletions = ConcurrentHashMap.newKeySet();
  private final Duration stallTimeout;
  private ScopedInformers<Finding> informers;
  private StallWatchdog watchdog;

  private volatile WatchScope scope;

  public FindingInformer(
      KubernetesClient client,
      FindingWriter writer,
      FindingEvents events,
      FindingGauges gauges,
      JobguardMetrics metrics,
      JobguardConfig config) {
    this.stallTimeout = config.watch().stallTimeout();
    this.client = client;
    this.writer = writer;
    this.events = events;
    this.gauges = gauges;
    this.metrics = metrics;
  }

  public synchronized CompletableFuture<Void> start(WatchScope scope) {
    this.scope = scope;
    gauges.reset();
    informers =
        ScopedInformers.start(
            client,
            Finding.class,
            "Finding",
            scope,
            () -> new BasicItemStore<>(Cache::metaNamespaceKeyFunc),
            this,
            metrics);
    // A stalled Finding watch would hide deleted evidence, so it gets the workloads' watchdog.
    watchdog = StallWatchdog.start(stallTimeout, List.of(informers));
    return informers.synced();
  }

  public synchronized void stop() {
    if (watchdog != null) {
      watchdog.close();
      watchdog = null;
    }
    if (informers != null) {
      informers.stop();
      informers = null;
    }
  }

  public synchronized boolean hasSynced() {
    return informers != null && informers.hasSynced();
  }

  /** Retention is about to delete this Finding; its delete event is not someone else's doing. */
  public void expectDeletion(String namespace, String name) {
    expectedDeletions.add(FindingWriter.key(namespace, name));
  }

  /** Another shard's Findings are its own business: not restored, counted or retained here. */
  public boolean foreign(Finding finding) {
    WatchScope current = scope;
    return current != null && !current.includes(finding.getMetadata().getNamespace());
  }

  @Override
  public void onAdd(Finding finding) {
    if (foreign(finding)) {
      return;
    }
    gauges.added(finding);
    writer.restore(finding);
  }

  @Override
  public void onUpdate(Finding before, Finding after) {
    if (foreign(after)) {
      return;
    }
    gauges.changed(before, after);
    writer.restore(after);
  }

  /**
   * Retention's own deletions are expected. Any other deletion is a signal (an intruder wiping
   * evidence looks exactly like this): it is counted and announced on the subject, and while the
   * subject still exists the Finding is written back.
   */
  @Override
  public void onDelete(Finding finding, boolean finalStateUnknown) {
    if (foreign(finding)) {
      return;
    }
    gauges.removed(finding);
    if (expectedDeletions.remove(FindingWriter.keyOf(finding))) {
      writer.forget(finding);
      return;
    }
    metrics.findingDeletedByOthers();
    boolean subjectGone =
        finding.getStatus() != null && Boolean.FALSE.equals(finding.getStatus().getSubjectExists());
    events.findingDeleted(finding, subjectGone, Instant.now());
    if (subjectGone || finding.getSpec() == null) {
      writer.forget(finding);
    } else {
      writer.recreate(finding);
    }
  }
}
