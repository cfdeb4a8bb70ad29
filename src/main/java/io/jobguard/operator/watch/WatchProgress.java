package io.jobguard.operator.watch;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How long an informer's watch has shown no progress. fabric8 moves the informer's last synced
 * resourceVersion on every watch event, BOOKMARK included, so an unchanged version over time means
 * nothing arrived at all.
 */
final class WatchProgress {
  private String lastVersion;
  private Instant since;

  WatchProgress(Instant now) {
    this.since = now;
  }

  /** Records the version seen now and answers how long it has stayed the same. */
  synchronized Duration silentFor(String version, Instant now) {
    if (!Objects.equals(version, lastVersion)) {
      lastVersion = version;
      since = now;
    }
    return Duration.between(since, now);
  }

  /** A new list and watch start now: the silence is measured from here. */
  synchronized void restarted(Instant now) {
    since = now;
  }
}
