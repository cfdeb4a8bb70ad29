package io.jobguard.bench;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.util.List;

/** Pods, Jobs and CronJobs for the load harnesses: privileged (violating) or hardened. */
final class BenchWorkloads {
  private BenchWorkloads() {}

  static PodSpec spec(boolean violating) {
    PodSpecBuilder spec =
        new PodSpecBuilder()
            .withRestartPolicy("Never")
            .withNewSecurityContext()
            .withRunAsNonRoot(true)
            .withRunAsUser(10001L)
            .withNewSeccompProfile()
            .withType("RuntimeDefault")
            .endSeccompProfile()
            .endSecurityContext();
    return spec.addNewContainer()
        .withName("app")
        .withImage("registry.example.com/apps/app:1.0")
        .withCommand("/app/run")
        .withNewSecurityContext()
        .withPrivileged(violating ? true : null)
        .withAllowPrivilegeEscalation(violating)
        .withNewCapabilities()
        .withDrop("ALL")
        .endCapabilities()
        .endSecurityContext()
        .endContainer()
        .build();
  }

  /** The i-th object of a mixed load: Pods, Jobs and CronJobs in turn. */
  static HasMetadata mixed(String namespace, int i, boolean violating) {
    String name = "w-" + i;
    return switch (i % 3) {
      case 0 -> pod(namespace, name, violating);
      case 1 -> job(namespace, name, violating, null);
      default -> cronJob(namespace, name, violating, NIGHTLY);
    };
  }

  static Pod pod(String namespace, String name, boolean violating, OwnerReference... owners) {
    return new PodBuilder()
        .withNewMetadata()
        .withNamespace(namespace)
        .withName(name)
        .withOwnerReferences(owners)
        .endMetadata()
        .withSpec(spec(violating))
        .build();
  }

  static Job job(String namespace, String name, boolean violating, HasMetadata owner) {
    return new JobBuilder()
        .withNewMetadata()
        .withNamespace(namespace)
        .withName(name)
        .withOwnerReferences(owner == null ? List.of() : List.of(controllerRef(owner)))
        .endMetadata()
        .withNewSpec()
        .withNewTemplate()
        .withSpec(spec(violating))
        .endTemplate()
        .endSpec()
        .build();
  }

  /** A schedule no rule objects to (every minute would fire frequent-schedule). */
  static final String NIGHTLY = "0 3 * * *";

  static final String EVERY_MINUTE = "* * * * *";

  static CronJob cronJob(String namespace, String name, boolean violating, String schedule) {
    return new CronJobBuilder()
        .withNewMetadata()
        .withNamespace(namespace)
        .withName(name)
        .endMetadata()
        .withNewSpec()
        .withSchedule(schedule)
        .withNewJobTemplate()
        .withNewSpec()
        .withNewTemplate()
        .withSpec(spec(violating))
        .endTemplate()
        .endSpec()
        .endJobTemplate()
        .endSpec()
        .build();
  }

  static OwnerReference controllerRef(HasMetadata owner) {
    return new OwnerReferenceBuilder()
        .withApiVersion(owner.getApiVersion())
        .withKind(owner.getKind())
        .withName(owner.getMetadata().getName())
        .withUid(owner.getMetadata().getUid())
        .withController(true)
        .build();
  }
}
