package io.jobguard.rules.builtin;

import com.google.auto.service.AutoService;
import io.jobguard.model.CronSchedule;
import io.jobguard.model.JobSettings;
import io.jobguard.model.Workload;
import io.jobguard.rules.Evidence;
import io.jobguard.rules.Rule;
import io.jobguard.rules.RuleContext;
import io.jobguard.rules.RuleMetadata;
import io.jobguard.rules.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Jobs that delete themselves, or CronJobs that keep no finished Job: both remove the pods, logs
 * and exit codes an investigator would read (T1070, indicator removal).
 */
@AutoService(Rule.class)
public final class EvidenceErasureRule implements Rule {
  /** A finished Job that lives a minute or less is gone before anyone can look at it. */
  static final int SHORTEST_HONEST_TTL_SECONDS = 60;

  private static final RuleMetadata METADATA =
      RuleMetadata.baseline(
          "evidence-erasure",
          "Job removes its own traces",
          Severity.LOW,
          List.of("T1070"),
          "The Job is deleted, with its pods and their logs, within a minute of finishing"
              + " (ttlSecondsAfterFinished of 60 or less), or the CronJob keeps no finished Job at"
              + " all (successfulJobsHistoryLimit and failedJobsHistoryLimit both 0). Either way"
              + " the pods, logs and exit codes that show what a run did are gone before anyone can"
              + " read them, which is how a malicious scheduled job hides.",
          "Keep finished Jobs long enough to investigate them: set ttlSecondsAfterFinished to"
              + " several minutes or more, and keep at least one failed Job in a CronJob's history."
              + " Ship pod logs to central storage if Jobs must be removed quickly.");

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Evidence> evaluate(Workload workload, RuleContext context) {
    List<Evidence> found = new ArrayList<>();
    workload.job().flatMap(EvidenceErasureRule::shortTtl).ifPresent(found::add);
    workload.schedule().ifPresent(s -> found.addAll(emptyHistory(s)));
    return found;
  }

  private static Optional<Evidence> shortTtl(JobSettings job) {
    Integer ttl = job.ttlSecondsAfterFinished();
    if (ttl == null || ttl > SHORTEST_HONEST_TTL_SECONDS) {
      return Optional.empty();
    }
    return Optional.of(
        Evidence.of(
            null,
            job.field("ttlSecondsAfterFinished"),
            ttl.toString(),
            Severity.LOW,
            "Finished Jobs are deleted with their pods and logs "
                + (ttl == 0 ? "immediately" : "after " + ttl + " seconds")
                + "."));
  }

  private static List<Evidence> emptyHistory(CronSchedule schedule) {
    if (!isZero(schedule.successfulJobsHistoryLimit())
        || !isZero(schedule.failedJobsHistoryLimit())) {
      return List.of();
    }
    String message =
        "The CronJob keeps no finished Job: successfulJobsHistoryLimit and"
            + " failedJobsHistoryLimit are both 0.";
    return List.of(
        Evidence.of(null, "spec.successfulJobsHistoryLimit", "0", Severity.LOW, message),
        Evidence.of(null, "spec.failedJobsHistoryLimit", "0", Severity.LOW, message));
  }

  private static boolean isZero(Integer limit) {
    return limit != null && limit == 0;
  }
}
