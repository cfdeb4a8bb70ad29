package io.jobguard.reliability;

import io.fabric8.kubernetes.api.model.Pod;
import io.jobguard.model.ObjectRef;
import io.jobguard.model.Workload;
import io.jobguard.model.WorkloadFactory;
import io.jobguard.operator.Rollup;
import io.jobguard.operator.findings.FindingObservation;
import io.jobguard.operator.findings.PrivilegedPods;
import io.jobguard.policy.EffectivePolicy;
import io.jobguard.rules.Profile;
import java.time.Instant;
import java.util.List;

/** Privileged Pods of one CronJob, as the evaluator would hand them to the writer. */
final class Observations {
  static final String NAMESPACE = "ops";
  static final ObjectRef CRON_JOB =
      new ObjectRef("batch/v1", "CronJob", NAMESPACE, "maint", "uid-cronjob");
  static final String RULE = "privileged-container";

  private Observations() {}

  static Pod privilegedPod(String name) {
    return PrivilegedPods.pod(NAMESPACE, name, "uid-" + name);
  }

  /** The privileged-container observation of one run of the CronJob. */
  static FindingObservation run(String podName) {
    Pod pod = privilegedPod(podName);
    Workload workload = WorkloadFactory.from(pod).orElseThrow();
    var detections =
        EffectivePolicy.defaults(Profile.BASELINE).evaluate(workload, Instant.now()).stream()
            .filter(d -> d.ruleId().equals(RULE))
            .toList();
    return new FindingObservation(
        new Rollup(CRON_JOB, List.of(workload.subject(), CRON_JOB)),
        workload,
        detections,
        Instant.parse(pod.getMetadata().getCreationTimestamp()),
        Instant.now());
  }
}
