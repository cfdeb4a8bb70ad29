package io.jobguard.operator.findings;

import java.time.Duration;
import java.time.Instant;

/**
 * When a Finding is written again. A new Finding is written at once; re-occurrences are merged for
 * the coalesce window into one status update. A Finding that keeps recurring doubles its window
 * after every status write, up to {@link #MAX_WINDOW_FACTOR} times the configured one (about 21
 * minutes at the default 10 s): a CronJob that fires every minute then costs some 75 writes a day
 * instead of 1,440 (docs/benchmarks.md). Once it has been quiet for longer than that cap, the next
 * occurrence is written after the base window again. Failed writes back off.
 */
final class WritePacing {
  /** The longest re-occurrence window, as a multiple of the configured coalesce window. */
  static final int MAX_WINDOW_FACTOR = 128;

  private final Duration coalesceWindow;
  private final Duration longest;

  WritePacing(Duration coalesceWindow) {
    this.coalesceWindow = coalesceWindow;
    this.longest = coalesceWindow.multipliedBy(MAX_WINDOW_FACTOR);
  }

  /** The current window of a recurring Finding; back to the base one after a quiet spell. */
  Duration recurrenceWindow(FindingState state, Instant now) {
    if (state.window == null
        || state.lastOccurrence == null
        || Duration.between(state.lastOccurrence, now).compareTo(longest) > 0) {
      state.window = coalesceWindow;
    }
    state.lastOccurrence = now;
    return state.window;
  }

  /** After a status write that carried occurrences: the next one waits twice as long. */
  void widen(FindingState state) {
    Duration doubled = current(state).multipliedBy(2);
    state.window = doubled.compareTo(longest) > 0 ? longest : doubled;
  }

  /** The wait before occurrences that arrived during a write are written. */
  Duration current(FindingState state) {
    return state.window == null ? coalesceWindow : state.window;
  }

  /** Immediate for the first two tries (a lost create/update race), then exponential to 5 min. */
  static Duration backoff(int failures) {
    if (failures <= 2) {
      return Duration.ZERO;
    }
    return Duration.ofSeconds(Math.min(300, 1L << Math.min(9, failures - 2)));
  }
}
