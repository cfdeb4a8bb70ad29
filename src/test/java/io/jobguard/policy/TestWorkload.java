package io.jobguard.policy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.jobguard.model.Workload;
import io.jobguard.model.WorkloadFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds test workloads whose first container runs privileged, so privileged-container fires. */
final class TestWorkload {
  private String kind = "Pod";
  private final String namespace;
  private final String name;
  private String serviceAccount;
  private final Map<String, String> podLabels = new LinkedHashMap<>();
  private final List<String> images = new ArrayList<>(List.of("example.com/app:1"));
  private final List<String> initImages = new ArrayList<>();

  private TestWorkload(String namespace, String name) {
    this.namespace = namespace;
    this.name = name;
  }

  static TestWorkload pod(String namespace, String name) {
    return new TestWorkload(namespace, name);
  }

  static TestWorkload daemonSet(String namespace, String name) {
    TestWorkload w = new TestWorkload(namespace, name);
    w.kind = "DaemonSet";
    return w;
  }

  static TestWorkload job(String namespace, String name) {
    TestWorkload w = new TestWorkload(namespace, name);
    w.kind = "Job";
    return w;
  }

  static TestWorkload cronJob(String namespace, String name) {
    TestWorkload w = new TestWorkload(namespace, name);
    w.kind = "CronJob";
    return w;
  }

  TestWorkload image(String image) {
    images.set(0, image);
    return this;
  }

  TestWorkload sidecar(String image) {
    images.add(image);
    return this;
  }

  TestWorkload initContainer(String image) {
    initImages.add(image);
    return this;
  }

  TestWorkload serviceAccount(String account) {
    this.serviceAccount = account;
    return this;
  }

  TestWorkload label(String key, String value) {
    podLabels.put(key, value);
    return this;
  }

  Workload build() {
    return WorkloadFactory.from(object()).orElseThrow();
  }

  private HasMetadata object() {
    ObjectMeta own = new ObjectMetaBuilder().withNamespace(namespace).withName(name).build();
    ObjectMeta podMeta = new ObjectMetaBuilder().withLabels(podLabels).build();
    PodSpec spec = podSpec();
    return switch (kind) {
      case "DaemonSet" -> daemonSet(own, podMeta, spec);
      case "CronJob" -> cronJob(own, podMeta, spec);
      case "Job" -> job(own, podMeta, spec);
      default -> pod(own, spec);
    };
  }

  private Pod pod(ObjectMeta own, PodSpec spec) {
    Pod pod = new Pod();
    pod.setMetadata(own);
    own.setLabels(podLabels);
    pod.setSpec(spec);
    return pod;
  }

  private static DaemonSet daemonSet(ObjectMeta own, ObjectMeta podMeta, PodSpec spec) {
    return new DaemonSetBuilder()
        .withMetadata(own)
        .withNewSpec()
        .withTemplate(new PodTemplateSpec(podMeta, spec))
        .endSpec()
        .build();
  }

  private static Job job(ObjectMeta own, ObjectMeta podMeta, PodSpec spec) {
    return new JobBuilder()
        .withMetadata(own)
        .withNewSpec()
        .withTemplate(new PodTemplateSpec(podMeta, spec))
        .endSpec()
        .build();
  }

  private static CronJob cronJob(ObjectMeta own, ObjectMeta podMeta, PodSpec spec) {
    return new CronJobBuilder()
        .withMetadata(own)
        .withNewSpec()
        .withSchedule("0 3 * * *")
        .withNewJobTemplate()
        .withNewSpec()
        .withTemplate(new PodTemplateSpec(podMeta, spec))
        .endSpec()
        .endJobTemplate()
        .endSpec()
        .build();
  }

  private PodSpec podSpec() {
    List<Container> containers = new ArrayList<>();
    for (int i = 0; i < images.size(); i++) {
      containers.add(container("c" + i, images.get(i), i == 0));
    }
    List<Container> init = new ArrayList<>();
    for (int i = 0; i < initImages.size(); i++) {
      init.add(container("init" + i, initImages.get(i), false));
    }
    return new PodSpecBuilder()
        .withServiceAccountName(serviceAccount)
        .withContainers(containers)
        .withInitContainers(init)
        .build();
  }

  private static Container container(String name, String image, boolean privileged) {
    return new ContainerBuilder()
        .withName(name)
        .withImage(image)
        .withNewSecurityContext()
        .withPrivileged(privileged)
        .endSecurityContext()
        .build();
  }
}
