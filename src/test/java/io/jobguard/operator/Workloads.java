package io.jobguard.operator;

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

/** Workloads for operator tests: a privileged container, as CronJob, Job of it, and Pod. */
final class Workloads {
  private Workloads() {}

  static PodSpec privilegedSpec() {
    return new PodSpecBuilder()
        .withRestartPolicy("Never")
        .addNewContainer()
        .withName("maint")
        .withImage("busybox:1.36")
        .withCommand("sh", "-c", "echo hi")
        .withNewSecurityContext()
        .withPrivileged(true)
        .endSecurityContext()
        .endContainer()
        .build();
  }

  static CronJob cronJob(String namespace, String name) {
    return new CronJobBuilder()
        .withNewMetadata()
        .withNamespace(namespace)
        .withName(name)
        .endMetadata()
        .withNewSpec()
        .withSchedule("*/5 * * * *")
        .withNewJobTemplate()
        .withNewSpec()
        .withNewTemplate()
        .withSpec(privilegedSpec())
        .endTemplate()
        .endSpec()
        .endJobTemplate()
        .endSpec()
        .build();
  }

  static Job job(String namespace, String name, HasMetadata owner) {
    return new JobBuilder()
        .withNewMetadata()
        .withNamespace(namespace)
        .withName(name)
        .withOwnerReferences(owner == null ? List.of() : List.of(controllerRef(owner)))
        .endMetadata()
        .withNewSpec()
        .withNewTemplate()
        .withSpec(privilegedSpec())
        .endTemplate()
        .endSpec()
        .build();
  }

  static Pod pod(String namespace, String name, OwnerReference... owners) {
    return new PodBuilder()
        .withNewMetadata()
        .withNamespace(namespace)
        .withName(name)
        .withOwnerReferences(owners)
        .endMetadata()
        .withSpec(privilegedSpec())
        .build();
  }

  static OwnerReference controllerRef(HasMetadata owner) {
    return controllerRef(
        owner.getApiVersion(),
        owner.getKind(),
        owner.getMetadata().getName(),
        owner.getMetadata().getUid());
  }

  static OwnerReference controllerRef(String apiVersion, String kind, String name, String uid) {
    return new OwnerReferenceBuilder()
        .withApiVersion(apiVersion)
        .withKind(kind)
        .withName(name)
        .withUid(uid)
        .withController(true)
        .build();
  }
}
