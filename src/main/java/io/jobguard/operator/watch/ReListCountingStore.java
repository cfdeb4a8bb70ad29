package io.jobguard.operator.watch;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import io.jobguard.metrics.JobguardMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Counts the re-lists the informer does on its own. After a watch ends with 410 Gone (an ERROR
 * event on the open watch) fabric8 lists again without telling the exception handler, and events of
 * the gap are then only seen as state. A watch event always carries a new resourceVersion; only a
 * list puts an object back unchanged, so the first such put counts as one gap, and the rest of the
 * same re-list (one per cached object, moments apart) is not counted again. A re-list that the
 * stall watchdog started and counted itself is not counted here.
 */
final class ReListCountingStore<T extends HasMetadata> extends ForwardingItemStore<T> {
  static final Duration ONE_RELIST = Duration.ofSeconds(5);

  private final String kind;
  private final JobguardMetrics metrics;
  private final Clock clock;
  private Instant lastCounted = Instant.MIN;
  private boolean countedElsewhere;

  ReListCountingStore(ItemStore<T> store, String kind, JobguardMetrics metrics, Clock clock) {
    super(store);
    this.kind = kind;
    this.metrics = metrics;
    this.clock = clock;
  }

  @Override
  public T put(String key, T object) {
    T previous = delegate.put(key, object);
    if (previous != null && sameVersion(previous, object)) {
      countGap();
    }
    return previous;
  }

  /** While on, the re-list in progress was already counted by whoever started it. */
  synchronized void reListCountedElsewhere(boolean on) {
    countedElsewhere = on;
  }

  private synchronized void countGap() {
    Instant now = clock.instant();
    if (countedElsewhere) {
      lastCounted = now;
    } else if (Duration.between(lastCounted, now).compareTo(ONE_RELIST) > 0) {
      lastCounted = now;
      metrics.watchGap(kind);
    }
  }

  private static boolean sameVersion(HasMetadata before, HasMetadata after) {
    String version = after.getMetadata().getResourceVersion();
    return version != null && Objects.equals(before.getMetadata().getResourceVersion(), version);
  }
}
