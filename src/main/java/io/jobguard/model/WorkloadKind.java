package io.jobguard.model;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplate;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The pod-carrying kinds jobguard understands, the API group and versions each is served at, and
 * the typed class a manifest of that kind is read into.
 */
public enum WorkloadKind {
  POD("Pod", "", Set.of("v1"), Pod.class),
  POD_TEMPLATE("PodTemplate", "", Set.of("v1"), PodTemplate.class),
  REPLICATION_CONTROLLER("ReplicationController", "", Set.of("v1"), ReplicationController.class),
  DEPLOYMENT("Deployment", "apps", Set.of("v1", "v1beta1", "v1beta2"), Deployment.class),
  STATEFUL_SET("StatefulSet", "apps", Set.of("v1", "v1beta1", "v1beta2"), StatefulSet.class),
  DAEMON_SET("DaemonSet", "apps", Set.of("v1", "v1beta2"), DaemonSet.class),
  REPLICA_SET("ReplicaSet", "apps", Set.of("v1", "v1beta2"), ReplicaSet.class),
  LEGACY_DEPLOYMENT("Deployment", "extensions", Set.of("v1beta1"), Deployment.class),
  LEGACY_DAEMON_SET("DaemonSet", "extensions", Set.of("v1beta1"), DaemonSet.class),
  LEGACY_REPLICA_SET("ReplicaSet", "extensions", Set.of("v1beta1"), ReplicaSet.class),
  JOB("Job", "batch", Set.of("v1"), Job.class),
  CRON_JOB("CronJob", "batch", Set.of("v1"), CronJob.class),
  CRON_JOB_V1BETA1(
      "CronJob",
      "batch",
      Set.of("v1beta1"),
      io.fabric8.kubernetes.api.model.batch.v1beta1.CronJob.class);

  private final String kind;
  private final String group;
  private final Set<String> versions;
  private final Class<? extends HasMetadata> type;

  WorkloadKind(String kind, String group, Set<String> versions, Class<? extends HasMetadata> type) {
    this.kind = kind;
    this.group = group;
    this.versions = versions;
    this.type = type;
  }

  public String kind() {
    return kind;
  }

  public Class<? extends HasMetadata> type() {
    return type;
  }

  /** The kind for a manifest's apiVersion and kind, or empty when it carries no pod template. */
  public static Optional<WorkloadKind> of(String apiVersion, String kind) {
    String group = groupOf(apiVersion);
    String version = versionOf(apiVersion);
    return List.of(values()).stream()
        .filter(k -> k.kind.equals(kind) && k.group.equals(group) && k.versions.contains(version))
        .findFirst();
  }

  /**
   * True when the kind is a workload's but the apiVersion does not serve it: a version Kubernetes
   * does not have, or one of the workload groups (core, apps, batch, extensions) that has no such
   * kind ({@code apps/v1 Pod}). Almost certainly a typo that would make the object fail to apply. A
   * custom resource of the same kind name lives in its own group and is not affected.
   */
  public static boolean isUnknownVersionOfKnownKind(String apiVersion, String kind) {
    String group = groupOf(apiVersion);
    boolean workloadGroup = List.of(values()).stream().anyMatch(k -> k.group.equals(group));
    return of(apiVersion, kind).isEmpty()
        && List.of(values()).stream()
            .anyMatch(k -> k.kind.equals(kind) && (k.group.equals(group) || workloadGroup));
  }

  private static String groupOf(String apiVersion) {
    if (apiVersion == null) {
      return "";
    }
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }

  private static String versionOf(String apiVersion) {
    if (apiVersion == null) {
      return "";
    }
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
  }
}
