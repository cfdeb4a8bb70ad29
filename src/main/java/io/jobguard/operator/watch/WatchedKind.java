package io.jobguard.operator.watch;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds the operator watches. CronJobs, Jobs and Pods are evaluated; the other controllers are
 * cached only so that a Pod's owner references can be verified.
 */
public enum WatchedKind {
  CRON_JOB("CronJob", "batch/v1", CronJob.class, true),
  JOB("Job", "batch/v1", Job.class, true),
  POD("Pod", "v1", Pod.class, true),
  REPLICA_SET("ReplicaSet", "apps/v1", ReplicaSet.class, false),
  DEPLOYMENT("Deployment", "apps/v1", Deployment.class, false),
  STATEFUL_SET("StatefulSet", "apps/v1", StatefulSet.class, false),
  DAEMON_SET("DaemonSet", "apps/v1", DaemonSet.class, false),
  REPLICATION_CONTROLLER("ReplicationController", "v1", ReplicationController.class, false);

  private final String kind;
  private final String apiVersion;
  private final Class<? extends HasMetadata> type;
  private final boolean evaluated;

  WatchedKind(
      String kind, String apiVersion, Class<? extends HasMetadata> type, boolean evaluated) {
    this.kind = kind;
    this.apiVersion = apiVersion;
    this.type = type;
    this.evaluated = evaluated;
  }

  public String kind() {
    return kind;
  }

  public String apiVersion() {
    return apiVersion;
  }

  public Class<? extends HasMetadata> type() {
    return type;
  }

  /** True for the kinds whose pod templates the rules look at. */
  public boolean evaluated() {
    return evaluated;
  }

  /**
   * The watched kind an owner reference points at. The API group must match too: a custom resource
   * that happens to be called "Job" is not a batch Job.
   */
  public static Optional<WatchedKind> of(String apiVersion, String kind) {
    return Arrays.stream(values())
        .filter(k -> k.kind.equals(kind) && groupOf(k.apiVersion).equals(groupOf(apiVersion)))
        .findFirst();
  }

  private static String groupOf(String apiVersion) {
    if (apiVersion == null) {
      return "";
    }
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }
}
