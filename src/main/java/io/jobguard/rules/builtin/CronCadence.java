package io.jobguard.rules.builtin;

import com.cronutils.model.Cron;
import com.cronutils.model.field.CronFieldName;
import com.cronutils.model.time.generator.FieldValueGenerator;
import com.cronutils.model.time.generator.FieldValueGeneratorFactory;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How close together two consecutive runs of a CronJob schedule can come.
 *
 * <p>In a five-field expression the time-of-day fields (minute, hour) are independent of the day
 * fields, so every day the schedule fires it fires at the same times. The shortest gap is therefore
 * either between two runs of one firing day, or from the last run of a day to the first run of the
 * next day when both days fire. Which days fire depends on month lengths, leap days and weekdays,
 * so days are checked over a full 28-year calendar cycle; cron-utils expands each field, and the
 * day test applies the CronJob controller's rule for combining day-of-month and day-of-week.
 *
 * <p>Times are wall-clock times: a time zone shifts every run by the same offset, and a DST change
 * would only add spurious gaps that the schedule's author never wrote.
 */
final class CronCadence {
  private static final LocalDate CYCLE_START = LocalDate.of(2024, 1, 1);
  private static final int CYCLE_DAYS =
      (int) (CYCLE_START.plusYears(28).toEpochDay() - CYCLE_START.toEpochDay());
  private static final int MINUTES_PER_DAY = 24 * 60;

  private CronCadence() {}

  /**
   * The shortest gap between two consecutive runs when it is shorter than {@code limit}; empty when
   * it is not, or when the schedule never runs.
   */
  static Optional<Duration> shortestGapBelow(KubernetesCronSchedule schedule, Duration limit) {
    if (schedule.isFixedInterval()) {
      return Optional.of(schedule.fixedInterval()).filter(d -> d.compareTo(limit) < 0);
    }
    List<Integer> times = timesOfDay(schedule.cron());
    DayMatcher days = new DayMatcher(schedule.cron(), schedule.dayFieldsBothApply());
    if (times.isEmpty() || !days.anyDayFires()) {
      return Optional.empty();
    }
    int shortest = Integer.MAX_VALUE;
    for (int i = 1; i < times.size(); i++) {
      shortest = Math.min(shortest, times.get(i) - times.get(i - 1));
    }
    int acrossMidnight = MINUTES_PER_DAY - times.get(times.size() - 1) + times.get(0);
    if (acrossMidnight < shortest && days.twoConsecutiveDaysFire()) {
      shortest = acrossMidnight;
    }
    return Optional.of(Duration.ofMinutes(shortest)).filter(d -> d.compareTo(limit) < 0);
  }

  /** Minutes after midnight of every run of a firing day, ascending. */
  private static List<Integer> timesOfDay(Cron cron) {
    FieldValueGenerator hours = generator(cron, CronFieldName.HOUR);
    FieldValueGenerator minutes = generator(cron, CronFieldName.MINUTE);
    List<Integer> times = new ArrayList<>();
    for (int hour = 0; hour < 24; hour++) {
      for (int minute = 0; minute < 60; minute++) {
        if (hours.isMatch(hour) && minutes.isMatch(minute)) {
          times.add(hour * 60 + minute);
        }
      }
    }
    return times;
  }

  private static FieldValueGenerator generator(Cron cron, CronFieldName field) {
    return FieldValueGeneratorFactory.forCronField(cron.retrieve(field));
  }

  /** Which calendar days a schedule fires on. */
  private static final class DayMatcher {
    private final FieldValueGenerator months;
    private final FieldValueGenerator daysOfMonth;
    private final FieldValueGenerator daysOfWeek;
    private final boolean bothApply;

    DayMatcher(Cron cron, boolean bothApply) {
      this.months = generator(cron, CronFieldName.MONTH);
      this.daysOfMonth = generator(cron, CronFieldName.DAY_OF_MONTH);
      this.daysOfWeek = generator(cron, CronFieldName.DAY_OF_WEEK);
      this.bothApply = bothApply;
    }

    boolean anyDayFires() {
      for (int i = 0; i < CYCLE_DAYS; i++) {
        if (fires(CYCLE_START.plusDays(i))) {
          return true;
        }
      }
      return false;
    }

    boolean twoConsecutiveDaysFire() {
      boolean previous = fires(CYCLE_START);
      for (int i = 1; i <= CYCLE_DAYS; i++) {
        boolean current = fires(CYCLE_START.plusDays(i));
        if (previous && current) {
          return true;
        }
        previous = current;
      }
      return false;
    }

    private boolean fires(LocalDate day) {
      if (!months.isMatch(day.getMonthValue())) {
        return false;
      }
      boolean dayOfMonth = daysOfMonth.isMatch(day.getDayOfMonth());
      // cron numbers Sunday 0 (and cron-utils also accepts 7); java.time numbers it 7.
      int weekday = day.getDayOfWeek().getValue() % 7;
      boolean dayOfWeek = daysOfWeek.isMatch(weekday) || (weekday == 0 && daysOfWeek.isMatch(7));
      return bothApply ? dayOfMonth && dayOfWeek : dayOfMonth || dayOfWeek;
    }
  }
}
