package io.jobguard.operator.watch;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.jobguard.metrics.JobguardMetrics;
import io.jobguard.operator.JobguardConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** Informers on CronJobs, Jobs and Pods (evaluated) and on the pod controllers (owner checks). */
@ApplicationScoped
public class WorkloadInformers {
  private final KubernetesClient client;
  private final JobguardMetrics metrics;
  private final Duration stallTimeout;
  private final Map<WatchedKind, ScopedInformers<? extends HasMetadata>> informers =
      new EnumMap<>(WatchedKind.class);
  private StallWatchdog watchdog;

  @Inject
  public WorkloadInformers(
      KubernetesClient client, JobguardMetrics metrics, JobguardConfig config) {
    this(client, metrics, config.watch().stallTimeout());
  }

  public WorkloadInformers(
      KubernetesClient client, JobguardMetrics metrics, Duration stallTimeout) {
    this.client = client;
    this.metrics = metrics;
    this.stallTimeout = stallTimeout;
  }

  /**
   * Starts one informer set per kind. Owner-only kinds start first, so that by the time Pods arrive
   * their controllers are mostly cached (the lookup falls back to a GET otherwise).
   */
  public synchronized CompletableFuture<Void> start(
      WatchScope scope, Function<WatchedKind, ResourceEventHandler<HasMetadata>> handlers) {
    for (WatchedKind kind : startOrder()) {
      informers.put(kind, startKind(kind, scope, handlers.apply(kind)));
    }
    watchdog = StallWatchdog.start(stallTimeout, List.copyOf(informers.values()));
    return CompletableFuture.allOf(
        informers.values().stream().map(ScopedInformers::synced).toArray(CompletableFuture[]::new));
  }

  private <T extends HasMetadata> ScopedInformers<T> startKind(
      WatchedKind kind, WatchScope scope, ResourceEventHandler<HasMetadata> handler) {
    @SuppressWarnings("unchecked")
    Class<T> type = (Class<T>) kind.type();
    return ScopedInformers.start(
        client, type, kind.kind(), scope, TrimmingItemStore::new, handler, metrics);
  }

  private static WatchedKind[] startOrder() {
    WatchedKind[] all = WatchedKind.values();
    WatchedKind[] ordered = new WatchedKind[all.length];
    int i = 0;
    for (WatchedKind k : all) {
      if (!k.evaluated()) {
        ordered[i++] = k;
      }
    }
    for (WatchedKind k : all) {
      if (k.evaluated()) {
        ordered[i++] = k;
      }
    }
    return ordered;
  }

  public synchronized void stop() {
    if (watchdog != null) {
      // First, so that no restart races the stop below.
      watchdog.close();
      watchdog = null;
    }
    informers.values().forEach(ScopedInformers::stop);
    informers.clear();
  }

  public synchronized boolean started() {
    return !informers.isEmpty();
  }

  public synchronized boolean hasSynced() {
    return !informers.isEmpty() && informers.values().stream().allMatch(ScopedInformers::hasSynced);
  }

  public synchronized boolean isRunning() {
    return informers.values().stream().allMatch(ScopedInformers::isRunning);
  }

  /**
   * Every cached object of an evaluated kind, Pods first and CronJobs last, so that an owner comes
   * after the objects it owns.
   */
  public synchronized List<HasMetadata> cachedEvaluated() {
    List<HasMetadata> all = new ArrayList<>();
    WatchedKind[] kinds = WatchedKind.values();
    for (int i = kinds.length - 1; i >= 0; i--) {
      ScopedInformers<? extends HasMetadata> scoped = informers.get(kinds[i]);
      if (kinds[i].evaluated() && scoped != null) {
        // A compact Pod has no spec to judge; its controller's Finding is judged through the
        // controller (Jobs and CronJobs are cached whole).
        scoped.list().stream().filter(o -> CompactPod.templateHash(o).isEmpty()).forEach(all::add);
      }
    }
    return all;
  }

  public synchronized Optional<? extends HasMetadata> cached(
      WatchedKind kind, String namespace, String name) {
    ScopedInformers<? extends HasMetadata> scoped = informers.get(kind);
    return scoped == null ? Optional.empty() : scoped.cached(namespace, name);
  }
}
