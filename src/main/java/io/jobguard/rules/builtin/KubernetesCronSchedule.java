package io.jobguard.rules.builtin;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/**
 * A CronJob schedule read the way the CronJob controller reads it (robfig/cron {@code
 * ParseStandard}): an optional {@code CRON_TZ=}/{@code TZ=} prefix, then five cron fields, a
 * descriptor such as {@code @daily}, or {@code @every <duration>}.
 *
 * @param cron the five-field expression, or null for {@code @every}
 * @param dayFieldsBothApply true when a day must match both day-of-month and day-of-week, false
 *     when matching either is enough (robfig/cron, like Vixie cron, requires both only when one of
 *     the two fields is a plain {@code *})
 * @param fixedInterval the interval of {@code @every}, or null for a cron expression
 */
record KubernetesCronSchedule(Cron cron, boolean dayFieldsBothApply, Duration fixedInterval) {
  private static final CronParser UNIX = new CronParser(unixDefinition());
  private static final Map<String, String> DESCRIPTORS =
      Map.of(
          "@yearly", "0 0 1 1 *",
          "@annually", "0 0 1 1 *",
          "@monthly", "0 0 1 * *",
          "@weekly", "0 0 * * 0",
          "@daily", "0 0 * * *",
          "@midnight", "0 0 * * *",
          "@hourly", "0 * * * *");
  // Descriptors are case-sensitive in robfig/cron: "@Daily" is refused.
  private static final String EVERY = "@every ";

  /**
   * The schedule, or empty when the API server would refuse it: an unknown zone (in the prefix or
   * in {@code spec.timeZone}), an unknown descriptor, or fields that are not a cron expression.
   */
  static Optional<KubernetesCronSchedule> parse(String schedule, String timeZone) {
    if (schedule == null || schedule.isBlank() || !validZone(timeZone)) {
      return Optional.empty();
    }
    String spec = schedule.trim();
    if (spec.startsWith("CRON_TZ=") || spec.startsWith("TZ=")) {
      int space = spec.indexOf(' ');
      if (space < 0 || !validZone(spec.substring(spec.indexOf('=') + 1, space))) {
        return Optional.empty();
      }
      spec = spec.substring(space).trim();
    }
    if (spec.startsWith(EVERY)) {
      return GoDuration.parse(spec.substring(EVERY.length()))
          .filter(d -> !d.isNegative())
          .map(KubernetesCronSchedule::every);
    }
    String expression = spec.startsWith("@") ? DESCRIPTORS.get(spec) : fields(spec);
    return expression == null ? Optional.empty() : parseFields(expression);
  }

  boolean isFixedInterval() {
    return fixedInterval != null;
  }

  private static KubernetesCronSchedule every(Duration interval) {
    // robfig/cron rounds sub-second intervals up to one second and drops fractions of a second.
    long seconds = Math.max(1, interval.getSeconds());
    return new KubernetesCronSchedule(null, true, Duration.ofSeconds(seconds));
  }

  /** The five fields with robfig's {@code ?} (same as {@code *}) written as {@code *}. */
  private static String fields(String spec) {
    String[] fields = spec.split("\\s+");
    if (fields.length != 5) {
      return null;
    }
    for (int i = 0; i < fields.length; i++) {
      if (fields[i].equals("?")) {
        fields[i] = "*";
      }
    }
    return String.join(" ", fields);
  }

  private static Optional<KubernetesCronSchedule> parseFields(String expression) {
    try {
      Cron cron = UNIX.parse(expression);
      cron.validate();
      String[] fields = expression.split(" ");
      boolean both = isStar(fields[2]) || isStar(fields[4]);
      return Optional.of(new KubernetesCronSchedule(cron, both, null));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * robfig/cron marks a field as "star" when one of its comma-separated parts is {@code *} (or
   * {@code ?}) without a step above 1; {@code *}{@code /2} is a restriction, not a star.
   */
  private static boolean isStar(String field) {
    for (String part : field.split(",")) {
      String[] rangeAndStep = part.split("/", 2);
      boolean wildcard = rangeAndStep[0].equals("*") || rangeAndStep[0].equals("?");
      if (wildcard && (rangeAndStep.length == 1 || rangeAndStep[1].equals("1"))) {
        return true;
      }
    }
    return false;
  }

  private static boolean validZone(String zone) {
    if (zone == null || zone.isEmpty()) {
      return true;
    }
    try {
      ZoneId.of(zone);
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }

  private static com.cronutils.model.definition.CronDefinition unixDefinition() {
    return CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX);
  }
}
