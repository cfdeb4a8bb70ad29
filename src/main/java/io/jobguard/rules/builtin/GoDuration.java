package io.jobguard.rules.builtin;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Go {@code time.Duration} string such as {@code 1h30m} or {@code 90s}: the argument of the
 * {@code @every} schedule descriptor that the CronJob controller's cron library accepts.
 */
final class GoDuration {
  private static final Pattern WHOLE =
      Pattern.compile("[+-]?(?:(?:\\d+\\.?\\d*|\\.\\d+)[a-zµμ]+)+");
  private static final Pattern PART = Pattern.compile("(\\d+\\.?\\d*|\\.\\d+)([a-zµμ]+)");
  private static final Map<String, Long> NANOS_PER_UNIT =
      Map.of(
          "ns", 1L,
          "us", 1_000L,
          "µs", 1_000L,
          "μs", 1_000L,
          "ms", 1_000_000L,
          "s", 1_000_000_000L,
          "m", 60_000_000_000L,
          "h", 3_600_000_000_000L);

  private GoDuration() {}

  /** The duration, or empty when the text is not a Go duration. */
  static Optional<Duration> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String trimmed = text.trim();
    if (trimmed.equals("0")) {
      return Optional.of(Duration.ZERO);
    }
    if (!WHOLE.matcher(trimmed).matches()) {
      return Optional.empty();
    }
    BigDecimal nanos = BigDecimal.ZERO;
    Matcher part = PART.matcher(trimmed);
    while (part.find()) {
      Long unit = NANOS_PER_UNIT.get(part.group(2));
      if (unit == null) {
        return Optional.empty();
      }
      nanos = nanos.add(new BigDecimal(part.group(1)).multiply(BigDecimal.valueOf(unit)));
    }
    if (trimmed.startsWith("-")) {
      nanos = nanos.negate();
    }
    return Optional.of(Duration.ofNanos(nanos.longValue()));
  }
}
