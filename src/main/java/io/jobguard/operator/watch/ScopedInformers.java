package io.jobguard.operator.watch;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.FilterWatchListDeletable;
import io.fabric8.kubernetes.client.dsl.Informable;
import io.fabric8.kubernetes.client.informers.ExceptionHandler;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import io.jobguard.metrics.JobguardMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/** The informers of one kind over the watch scope: one per namespace, or one cluster-wide. */
public final class ScopedInformers<T extends HasMetadata> {
  private static final Logger LOG = Logger.getLogger(ScopedInformers.class);

  /**
   * Objects per page of an informer's (re-)list. Without a limit fabric8 lists with
   * resourceVersion=0, which the API server answers from its watch cache in one response, and the
   * client holds all of it, untrimmed, before the store sees the first object: at 50,000 Pods well
   * over a gigabyte of transient heap (docs/benchmarks.md), far beyond the chart's memory limit.
   * Paged, only one page is untrimmed at a time; the price is a list read from etcd instead of the
   * watch cache. 500 is client-go's default page size.
   */
  public static final long LIST_PAGE_SIZE = 500;

  private final String kind;
  private final JobguardMetrics metrics;
  private final Clock clock;
  private final List<RestartableInformer<T>> informers = new CopyOnWriteArrayList<>();
  private final List<CompletableFuture<Void>> starts = new ArrayList<>();

  private ScopedInformers(String kind, JobguardMetrics metrics, Clock clock) {
    this.kind = kind;
    this.metrics = metrics;
    this.clock = clock;
  }

  /** Creates and starts the informers; the store supplier decides what the cache keeps. */
  public static <T extends HasMetadata> ScopedInformers<T> start(
      KubernetesClient client,
      Class<T> type,
      String kind,
      WatchScope scope,
      Supplier<ItemStore<T>> stores,
      ResourceEventHandler<? super T> handler,
      JobguardMetrics metrics) {
    Clock clock = Clock.systemUTC();
    ScopedInformers<T> scoped = new ScopedInformers<>(kind, metrics, clock);
    metrics.watchStarted(kind);
    ExceptionHandler errors =
        (started, error) -> {
          // A failed list or watch means a re-list: events in between are only seen as state.
          metrics.watchGap(kind);
          LOG.warnf("watch of %s failed, re-listing: %s", kind, error.toString());
          return true;
        };
    for (Informable<T> source : sources(client, type, scope)) {
      ItemStore<T> store =
          scope.shard() instanceof NamespaceShard.All
              ? stores.get()
              : new ScopedItemStore<>(stores.get(), scope);
      RestartableInformer<T> informer =
          new RestartableInformer<>(
              source.withLimit(LIST_PAGE_SIZE),
              new ReListCountingStore<>(store, kind, metrics, clock),
              handler,
              errors,
              clock.instant());
      scoped.starts.add(informer.start(clock.instant()));
      scoped.informers.add(informer);
    }
    return scoped;
  }

  /**
   * Restarts every informer whose watch is open but has delivered nothing, not even a bookmark, for
   * {@code stallTimeout}: it lists again, so objects created meanwhile that still exist arrive as
   * adds. Each restart counts one watch gap.
   */
  public void restartStalled(Duration stallTimeout) {
    Instant now = clock.instant();
    for (RestartableInformer<T> informer : informers) {
      Duration silent = informer.silentFor(now);
      if (silent.compareTo(stallTimeout) >= 0 && informer.watching()) {
        metrics.watchGap(kind);
        LOG.warnf(
            "watch of %s (%s) is open but sent nothing, not even a bookmark, for %ds: re-listing",
            kind, informer.informer(), silent.toSeconds());
        informer.restart(now);
      }
    }
  }

  private static <T extends HasMetadata> List<Informable<T>> sources(
      KubernetesClient client, Class<T> type, WatchScope scope) {
    var resources = client.resources(type);
    if (!scope.allNamespaces()) {
      return scope.namespaces().stream()
          .filter(scope::includes)
          .map(ns -> (Informable<T>) resources.inNamespace(ns))
          .toList();
    }
    FilterWatchListDeletable<T, ?, ?> all = resources.inAnyNamespace();
    for (String excluded : scope.excluded()) {
      all = all.withoutField("metadata.namespace", excluded);
    }
    return List.of(all);
  }

  public String kind() {
    return kind;
  }

  /** Completes when every informer of this kind has listed its initial state. */
  public CompletableFuture<Void> synced() {
    return CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new));
  }

  public boolean hasSynced() {
    return informers().allMatch(SharedIndexInformer::hasSynced);
  }

  public boolean isRunning() {
    return informers().allMatch(SharedIndexInformer::isRunning);
  }

  public Optional<T> cached(String namespace, String name) {
    for (RestartableInformer<T> informer : informers) {
      T item = informer.informer().getStore().getByKey(namespace + "/" + name);
      if (item != null) {
        return Optional.of(item);
      }
    }
    return Optional.empty();
  }

  public List<T> list() {
    return informers().flatMap(i -> i.getStore().list().stream()).toList();
  }

  private Stream<SharedIndexInformer<T>> informers() {
    return informers.stream().map(RestartableInformer::informer);
  }

  public void stop() {
    informers.forEach(RestartableInformer::stop);
    informers.clear();
    starts.clear();
  }
}
