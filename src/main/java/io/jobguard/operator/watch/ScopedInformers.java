package io.jobguard.operator.watch;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.FilterWatchListDeletable;
import io.fabric8.kubernetes.client.dsl.Informable;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import io.jobguard.metrics.JobguardMetrics;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
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
  private final List<SharedIndexInformer<T>> informers = new ArrayList<>();
  private final List<CompletableFuture<Void>> starts = new ArrayList<>();

  private ScopedInformers(String kind) {
    this.kind = kind;
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
    ScopedInformers<T> scoped = new ScopedInformers<>(kind);
    metrics.watchStarted(kind);
    for (Informable<T> source : sources(client, type, scope)) {
      SharedIndexInformer<T> informer = source.withLimit(LIST_PAGE_SIZE).runnableInformer(0);
      ItemStore<T> store =
          scope.shard() instanceof NamespaceShard.All
              ? stores.get()
              : new ScopedItemStore<>(stores.get(), scope);
      informer.itemStore(new ReListCountingStore<>(store, kind, metrics, Clock.systemUTC()));
      informer.exceptionHandler(
          (started, error) -> {
            // A failed list or watch means a re-list: events in between are only seen as state.
            metrics.watchGap(kind);
            LOG.warnf("watch of %s failed, re-listing: %s", kind, error.toString());
            return true;
          });
      informer.addEventHandler(handler);
      scoped.starts.add(informer.start().toCompletableFuture());
      scoped.informers.add(informer);
    }
    return scoped;
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
    return informers.stream().allMatch(SharedIndexInformer::hasSynced);
  }

  public boolean isRunning() {
    return informers.stream().allMatch(SharedIndexInformer::isRunning);
  }

  public Optional<T> cached(String namespace, String name) {
    for (SharedIndexInformer<T> informer : informers) {
      T item = informer.getStore().getByKey(namespace + "/" + name);
      if (item != null) {
        return Optional.of(item);
      }
    }
    return Optional.empty();
  }

  public List<T> list() {
    return informers.stream().flatMap(i -> i.getStore().list().stream()).toList();
  }

  public void stop() {
    informers.forEach(SharedIndexInformer::stop);
    informers.clear();
    starts.clear();
  }
}
