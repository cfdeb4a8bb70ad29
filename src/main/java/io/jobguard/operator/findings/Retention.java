package io.jobguard.operator.findings;

import io.jobguard.api.v1alpha1.FindingStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * When a Finding may go: {@code retention} after its subject is gone and nothing was seen, i.e.
 * after the later of the subject's deletion and the last occurrence. Never while the subject
 * exists.
 */
public final class Retention {
  private Retention() {}

  public static Optional<Instant> expiry(FindingStatus status, Duration retention) {
    if (status == null || !Boolean.FALSE.equals(status.getSubjectExists())) {
      return Optional.empty();
    }
    return Stream.of(status.getSubjectDeletedAt(), status.getLastSeen())
        .map(Retention::parse)
        .flatMap(Optional::stream)
        .max(Instant::compareTo)
        .map(last -> last.plus(retention));
  }

  private static Optional<Instant> parse(String time) {
    try {
      return Optional.ofNullable(time).map(Instant::parse);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
