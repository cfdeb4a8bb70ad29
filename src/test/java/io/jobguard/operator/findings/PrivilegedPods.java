package io.jobguard.operator.findings;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.jobguard.findings.FindingFactory;
import io.jobguard.model.Workload;
import io.jobguard.model.WorkloadFactory;
import io.jobguard.operator.Rollup;
import io.jobguard.policy.EffectivePolicy;
import io.jobguard.rules.Profile;
import java.time.Instant;
import java.util.List;

/** Bare Pods with one privileged container, and what the writer is handed for them. */
public final class PrivilegedPods {
  private PrivilegedPods() {}

  /** A Pod as the API server returns it: uid and creation time set, container "c" privileged. */
  public static Pod pod(String namespace, String name, String uid) {
    return new PodBuilder()
        .withNewMetadata()
        .withNamespace(namespace)
        .withName(name)
        .withUid(uid)
        .withCreationTimestamp(Instant.now().toString())
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("c")
        .withImage("busybox")
        .withNewSecurityContext()
        .withPrivileged(true)
        .endSecurityContext()
        .endContainer()
        .endSpec()
        .build();
  }

  /** One observation per rule that fires on the Pod (baseline), the Pod being its own subject. */
  static List<FindingObservation> observations(Pod pod) {
    Workload workload = WorkloadFactory.from(pod).orElseThrow();
    var detections = EffectivePolicy.defaults(Profile.BASELINE).evaluate(workload, Instant.now());
    Rollup rollup = new Rollup(workload.subject(), List.of(workload.subject()));
    return FindingFactory.byRule(detections).values().stream()
        .map(d -> new FindingObservation(rollup, workload, d, Instant.now(), Instant.now()))
        .toList();
  }
}
