package io.jobguard.operator.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WatchProgressTest {
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void silenceGrowsWhileTheVersionStaysTheSame() {
    WatchProgress progress = new WatchProgress(T0);
    assertThat(progress.silentFor("10", T0)).isZero();
    assertThat(progress.silentFor("10", T0.plusSeconds(90))).isEqualTo(Duration.ofSeconds(90));
  }

  @Test
  void anyNewVersionBookmarksIncludedEndsTheSilence() {
    WatchProgress progress = new WatchProgress(T0);
    progress.silentFor("10", T0);
    assertThat(progress.silentFor("11", T0.plusSeconds(60))).isZero();
    assertThat(progress.silentFor("11", T0.plusSeconds(100))).isEqualTo(Duration.ofSeconds(40));
  }

  @Test
  void beforeTheFirstListTheSilenceCountsFromTheStart() {
    WatchProgress progress = new WatchProgress(T0);
    assertThat(progress.silentFor(null, T0.plusSeconds(5))).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void aRestartStartsTheSilenceAgainEvenWithTheSameVersion() {
    WatchProgress progress = new WatchProgress(T0);
    progress.silentFor("10", T0);
    progress.restarted(T0.plusSeconds(600));
    assertThat(progress.silentFor("10", T0.plusSeconds(630))).isEqualTo(Duration.ofSeconds(30));
  }
}
