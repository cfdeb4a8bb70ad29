package io.jobguard.operator.watch;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.dsl.Informable;
import io.fabric8.kubernetes.client.informers.ExceptionHandler;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * One informer that can be replaced by a fresh one over the same source, store and handler. A
 * stopped fabric8 informer cannot start again, and nothing outside it can make it list again; a new
 * informer over the kept store lists, and the store turns that list into adds for objects it did
 * not have, updates (same resourceVersion, ignored by the handlers) for the ones it had, and
 * deletes for the ones that are gone.
 */
final class RestartableInformer<T extends HasMetadata> {
  private final Informable<T> source;
  private final ReListCountingStore<T> store;
  private final ResourceEventHandler<? super T> handler;
  private final ExceptionHandler errors;
  private final WatchProgress progress;
  private volatile SharedIndexInformer<T> informer;

  RestartableInformer(
      Informable<T> source,
      ReListCountingStore<T> store,
      ResourceEventHandler<? super T> handler,
      ExceptionHandler errors,
      Instant now) {
    this.source = source;
    this.store = store;
    this.handler = handler;
    this.errors = errors;
    this.progress = new WatchProgress(now);
  }

  synchronized CompletableFuture<Void> start(Instant now) {
    SharedIndexInformer<T> fresh = source.runnableInformer(0);
    // The handler first: fabric8 hands a newly added handler an add for every object already in
    // the store, and after a restart the kept store holds what the handler has already seen.
    fresh.addEventHandler(handler);
    fresh.itemStore(store);
    fresh.exceptionHandler(errors);
    progress.restarted(now);
    informer = fresh;
    return fresh.start().toCompletableFuture();
  }

  /**
   * Replaces the informer; the caller has counted the gap, so the re-list that follows is not
   * counted again by the store.
   */
  synchronized void restart(Instant now) {
    informer.stop();
    store.reListCountedElsewhere(true);
    start(now).whenComplete((done, error) -> store.reListCountedElsewhere(false));
  }

  /** How long the open watch has delivered nothing; sampled by the watchdog. */
  Duration silentFor(Instant now) {
    return progress.silentFor(informer.lastSyncResourceVersion(), now);
  }

  /**
   * True while a watch is open. A watch that is down is fabric8's to retry (and the exception
   * handler's to count), not a stall.
   */
  boolean watching() {
    SharedIndexInformer<T> current = informer;
    return current.hasSynced() && current.isWatching();
  }

  SharedIndexInformer<T> informer() {
    return informer;
  }

  synchronized void stop() {
    informer.stop();
  }
}
