package io.jobguard.rules.builtin;

import com.google.auto.service.AutoService;
import io.jobguard.model.CronSchedule;
import io.jobguard.model.Workload;
import io.jobguard.rules.Evidence;
import io.jobguard.rules.Rule;
import io.jobguard.rules.RuleContext;
import io.jobguard.rules.RuleMetadata;
import io.jobguard.rules.Severity;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A CronJob whose runs can come less than five minutes apart: the beacon and re-infection cadence
 * of a persistence job, and a steady source of pods that hide one malicious run among many.
 */
@AutoService(Rule.class)
public final class FrequentScheduleRule implements Rule {
  static final Duration LIMIT = Duration.ofMinutes(5);

  /**
   * Parsing a schedule and walking its 28-year calendar cycle costs more than every other rule
   * together (docs/benchmarks.md), yet a cluster has few distinct schedules and every event of a
   * CronJob repeats its own. The cache is cleared when full rather than evicting one by one: a miss
   * only costs the computation again.
   */
  static final int CACHED_SCHEDULES = 4096;

  private static final Map<String, Optional<Duration>> GAPS = new ConcurrentHashMap<>();

  private static final RuleMetadata METADATA =
      RuleMetadata.baseline(
          "frequent-schedule",
          "CronJob runs more often than every 5 minutes",
          Severity.LOW,
          List.of("T1053.007"),
          "The CronJob's schedule starts runs less than five minutes apart. Legitimate batch work"
              + " rarely needs that cadence, while persistence implants use it to re-establish a"
              + " foothold or beacon out soon after they are cleaned up, and a flood of short-lived"
              + " pods makes a single malicious run hard to spot.",
          "Run the job no more often than every 5 minutes, or turn continuous work into a"
              + " Deployment with a work queue. If the cadence is intended, record it in a policy"
              + " exception with the reason.");

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Evidence> evaluate(Workload workload, RuleContext context) {
    Optional<CronSchedule> schedule = workload.schedule();
    if (schedule.isEmpty()) {
      return List.of();
    }
    String text = schedule.get().schedule();
    // An unparsable schedule is not evidence: the API server rejects it (or the controller never
    // runs it), so it cannot start pods at all, and guessing a cadence would only add noise.
    return shortGap(text, schedule.get().timeZone())
        .map(gap -> List.of(evidence(text, gap)))
        .orElse(List.of());
  }

  private static Optional<Duration> shortGap(String schedule, String timeZone) {
    if (schedule == null) {
      return Optional.empty();
    }
    String key = timeZone == null ? schedule : schedule + "\u0000" + timeZone;
    Optional<Duration> known = GAPS.get(key);
    if (known != null) {
      return known;
    }
    Optional<Duration> gap =
        KubernetesCronSchedule.parse(schedule, timeZone)
            .flatMap(s -> CronCadence.shortestGapBelow(s, LIMIT));
    if (GAPS.size() >= CACHED_SCHEDULES) {
      GAPS.clear();
    }
    GAPS.put(key, gap);
    return gap;
  }

  private static Evidence evidence(String schedule, Duration gap) {
    return Evidence.of(
        null,
        "spec.schedule",
        schedule,
        Severity.LOW,
        "The schedule '" + schedule + "' starts runs as little as " + describe(gap) + " apart.");
  }

  static String describe(Duration gap) {
    if (gap.toSeconds() % 60 != 0) {
      return gap.toSeconds() + (gap.toSeconds() == 1 ? " second" : " seconds");
    }
    long minutes = gap.toMinutes();
    return minutes + (minutes == 1 ? " minute" : " minutes");
  }
}
