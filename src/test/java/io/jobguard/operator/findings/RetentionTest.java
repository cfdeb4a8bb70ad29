package io.jobguard.operator.findings;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobguard.api.v1alpha1.FindingStatus;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetentionTest {
  static final Duration THIRTY_DAYS = Duration.ofDays(30);
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void neverWhileTheSubjectExists() {
    FindingStatus status = new FindingStatus();
    status.setSubjectExists(true);
    status.setLastSeen(T0.toString());
    assertThat(Retention.expiry(status, THIRTY_DAYS)).isEmpty();
  }

  @Test
  void countsFromTheLaterOfDeletionAndLastSeen() {
    FindingStatus status = new FindingStatus();
    status.setSubjectExists(false);
    status.setSubjectDeletedAt(T0.toString());
    status.setLastSeen(T0.plusSeconds(3600).toString());
    assertThat(Retention.expiry(status, THIRTY_DAYS))
        .contains(T0.plusSeconds(3600).plus(THIRTY_DAYS));
  }
}
