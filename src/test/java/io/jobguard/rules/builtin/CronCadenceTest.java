package io.jobguard.rules.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CronCadenceTest {

  private static Optional<Duration> gap(String schedule, String timeZone) {
    return KubernetesCronSchedule.parse(schedule, timeZone)
        .flatMap(s -> CronCadence.shortestGapBelow(s, FrequentScheduleRule.LIMIT));
  }

  @ParameterizedTest(name = "''{0}'' runs {1} minutes apart")
  @CsvSource(
      delimiter = '|',
      value = {
        "* * * * *            | 1",
        "*/4 * * * *          | 4",
        "0-10 * * * *         | 1",
        "*/2 3 * * *          | 2",
        "0,3 * * * *          | 3",
        "0,59 0,23 * * *      | 1",
        "0,59 0,23 1,31 * *   | 1",
        "0,58 0,23 * * 6,0    | 2",
        "CRON_TZ=Europe/Berlin */3 * * * * | 3",
        "TZ=UTC 0-2 * * * *   | 1",
        "* * ? * ?            | 1",
        "*/1 * * JAN MON-FRI  | 1",
        "0,2 * 29 2 *         | 2",
        "0,59 0,23 1,29 2,3 * | 1",
        "0,59 0,23 1,30 * *   | 1",
        // Day-of-month and day-of-week both restricted: either one selects a day.
        "0,59 0,23 15 * 1,3   | 1",
      })
  void firesWhenRunsComeCloserThanFiveMinutes(String schedule, int minutes) {
    assertThat(gap(schedule.trim(), null)).contains(Duration.ofMinutes(minutes));
  }

  @ParameterizedTest(name = "''{0}'' is not frequent")
  @ValueSource(
      strings = {
        "*/5 * * * *",
        "0 * * * *",
        "0,5,10 * * * *",
        "@hourly",
        "@daily",
        "@midnight",
        "@weekly",
        "@monthly",
        "@yearly",
        "@annually",
        "55 23 * * *",
        // With day-of-month '*', day-of-week alone selects the days: Monday, Wednesday, Friday.
        "0,58 0,23 * * 1,3,5",
        "0,59 0,23 15,30 * *",
        "0,59 0,23 1 * *",
        "@every 5m",
        "@every 1h",
        "CRON_TZ=America/New_York 0 3 * * *",
      })
  void doesNotFireAtFiveMinutesOrMore(String schedule) {
    assertThat(KubernetesCronSchedule.parse(schedule, "Europe/Paris")).isPresent();
    assertThat(gap(schedule, "Europe/Paris")).isEmpty();
  }

  @Test
  void everyDescriptorUsesGoDurations() {
    assertThat(gap("@every 1m", null)).contains(Duration.ofMinutes(1));
    assertThat(gap("@every 4m59s", null)).contains(Duration.ofSeconds(299));
    assertThat(gap("@every 1.5m", null)).contains(Duration.ofSeconds(90));
    assertThat(gap("@every 100ms", null)).contains(Duration.ofSeconds(1));
    assertThat(gap("@every 0.1h", null)).isEmpty();
  }

  @ParameterizedTest(name = "''{0}'' is unparsable")
  @ValueSource(
      strings = {
        "",
        "not a schedule",
        "* * * *",
        "* * * * * *",
        "61 * * * *",
        "@reboot",
        "@Daily",
        "@every soon",
        "@every -1m",
        "CRON_TZ=Mars/Olympus * * * * *",
        "CRON_TZ=UTC",
      })
  void unparsableSchedulesAreEmptyNotErrors(String schedule) {
    assertThat(KubernetesCronSchedule.parse(schedule, null)).isEmpty();
  }

  @Test
  void unknownTimeZoneFieldMakesTheScheduleUnparsable() {
    assertThat(KubernetesCronSchedule.parse("* * * * *", "Nowhere/Land")).isEmpty();
    assertThat(KubernetesCronSchedule.parse("* * * * *", "Asia/Tokyo")).isPresent();
  }

  @Test
  void aScheduleThatNeverRunsIsNotFrequent() {
    assertThat(gap("* * 30 2 *", null)).isEmpty();
  }
}
