package io.jobguard.operator.findings;

import java.time.Duration;
import java.time.Instant;

/**
 * A token bucket for Kubernetes Events: a burst of new Findings (say, a DaemonSet rollout of a bad
 * template) must not turn into a burst of API writes. Findings are still written; only the Events
 * beyond the rate are skipped.
 */
final class EventRateLimiter {
  private final int capacity;
  private final Duration refillEvery;
  private double tokens;
  private Instant lastRefill;

  EventRateLimiter(int capacity, Duration refillEvery, Instant now) {
    this.capacity = capacity;
    this.refillEvery = refillEvery;
    this.tokens = capacity;
    this.lastRefill = now;
  }

  synchronized boolean tryAcquire(Instant now) {
    double elapsed = Duration.between(lastRefill, now).toNanos();
    if (elapsed > 0) {
      tokens = Math.min(capacity, tokens + elapsed / refillEvery.toNanos());
      lastRefill = now;
    }
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }
}
