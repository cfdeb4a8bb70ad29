package io.jobguard.operator.watch;

import io.jobguard.operator.DaemonThreads;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Restarts informers whose watch stalled: open, but silent for longer than the stall timeout.
 * fabric8 closes and resumes each watch every 5 to 10 minutes on its own, but a resume from the
 * same resourceVersion on a server that keeps stalling never catches up, and it is not counted
 * anywhere. A real API server sends a bookmark about once a minute, so a healthy quiet watch keeps
 * moving.
 */
public final class StallWatchdog implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(StallWatchdog.class);
  private static final Duration SHORTEST_CHECK = Duration.ofMillis(50);

  private final ScheduledExecutorService timer;

  private StallWatchdog(ScheduledExecutorService timer) {
    this.timer = timer;
  }

  /**
   * Checks the informers four times per stall timeout, so a stall is acted on within 1.25 times the
   * timeout.
   */
  public static StallWatchdog start(
      Duration stallTimeout, List<? extends ScopedInformers<?>> informers) {
    if (stallTimeout.isNegative() || stallTimeout.isZero()) {
      throw new IllegalArgumentException(
          "jobguard.watch.stall-timeout must be positive, got " + stallTimeout);
    }
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("jobguard-watch-stall"));
    long period = Math.max(stallTimeout.dividedBy(4).toMillis(), SHORTEST_CHECK.toMillis());
    timer.scheduleWithFixedDelay(
        () -> check(stallTimeout, informers), period, period, TimeUnit.MILLISECONDS);
    return new StallWatchdog(timer);
  }

  private static void check(Duration stallTimeout, List<? extends ScopedInformers<?>> informers) {
    for (ScopedInformers<?> scoped : informers) {
      try {
        scoped.restartStalled(stallTimeout);
      } catch (RuntimeException e) {
        // One kind failing to restart must not end the checks of all kinds (the timer would stop).
        LOG.warnf(e, "checking the %s watch for a stall failed", scoped.kind());
      }
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
    try {
      timer.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
