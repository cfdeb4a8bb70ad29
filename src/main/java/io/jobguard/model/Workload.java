package io.jobguard.model;

import io.fabric8.kubernetes.api.model.OwnerReference;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Any pod-carrying object, normalised: who it is, who owns it, and the pod spec it would run.
 *
 * @param subject the object itself
 * @param labels the object's own labels (never null)
 * @param annotations the object's own annotations (never null)
 * @param ownerReferences as declared by the object; not trusted until verified
 * @param serviceAccount the pod's service account name, "default" when unset
 * @param podSpec the pod spec view with exact field paths
 * @param schedule present for CronJobs
 * @param job present for Jobs and CronJobs
 */
public record Workload(
    ObjectRef subject,
    Map<String, String> labels,
    Map<String, String> annotations,
    List<OwnerReference> ownerReferences,
    String serviceAccount,
    PodSpecView podSpec,
    Optional<CronSchedule> schedule,
    Optional<JobSettings> job) {

  public String kind() {
    return subject.kind();
  }

  public String namespace() {
    return subject.namespace();
  }

  public String name() {
    return subject.name();
  }

  public boolean isKind(String kind) {
    return kind.equals(subject.kind());
  }
}
