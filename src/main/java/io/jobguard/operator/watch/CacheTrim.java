package io.jobguard.operator.watch;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.Map;

/**
 * Strips what the rules never read from objects before the informer caches them: managed fields,
 * status and kubectl's last-applied copy of the whole object, and for controllers that are cached
 * only for owner verification, the spec too. On large clusters these are most of the bytes.
 *
 * <p>Trimming happens in place, before the event handlers see the object, so it must never remove
 * what a rule reads (the pod spec, labels, other annotations such as the legacy AppArmor ones).
 */
public final class CacheTrim {
  static final String SCHEDULED = "PodScheduled";
  static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

  private CacheTrim() {}

  public static <T extends HasMetadata> T trim(T object) {
    trimMetadata(object.getMetadata());
    if (object instanceof Pod pod) {
      forgetScheduledNode(pod);
      pod.setStatus(null);
    } else if (object instanceof Job job) {
      job.setStatus(null);
    } else if (object instanceof CronJob cronJob) {
      cronJob.setStatus(null);
    } else {
      trimOwnerOnly(object);
    }
    return object;
  }

  /**
   * Drops {@code spec.nodeName} when the scheduler wrote it. Binding a Pod sets its nodeName and
   * its {@code PodScheduled} condition in one write, while a Pod created with nodeName (bypassing
   * the scheduler, the pattern {@code control-plane-targeting} looks for) arrives without that
   * condition until its kubelet reports. Judged on the raw event object, before status is trimmed.
   */
  static void forgetScheduledNode(Pod pod) {
    if (pod.getSpec() == null || pod.getSpec().getNodeName() == null || pod.getStatus() == null) {
      return;
    }
    boolean scheduled =
        pod.getStatus().getConditions().stream()
            .anyMatch(c -> SCHEDULED.equals(c.getType()) && "True".equals(c.getStatus()));
    if (scheduled) {
      pod.getSpec().setNodeName(null);
    }
  }

  private static void trimMetadata(ObjectMeta meta) {
    if (meta == null) {
      return;
    }
    meta.setManagedFields(null);
    Map<String, String> annotations = meta.getAnnotations();
    if (annotations != null && annotations.containsKey(LAST_APPLIED)) {
      annotations.remove(LAST_APPLIED);
    }
  }

  private static void trimOwnerOnly(HasMetadata object) {
    if (object instanceof ReplicaSet r) {
      r.setSpec(null);
      r.setStatus(null);
    } else if (object instanceof Deployment d) {
      d.setSpec(null);
      d.setStatus(null);
    } else if (object instanceof StatefulSet s) {
      s.setSpec(null);
      s.setStatus(null);
    } else if (object instanceof DaemonSet d) {
      d.setSpec(null);
      d.setStatus(null);
    } else if (object instanceof ReplicationController r) {
      r.setSpec(null);
      r.setStatus(null);
    }
  }
}
