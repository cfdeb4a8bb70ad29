package io.jobguard.reliability;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** Objects an attacker may create to knock a detector over (issue 7.5). */
final class HostileObjects {
  /** Text with what a careless writer chokes on: controls, bidi overrides, astral plane, NUL. */
  static final String NASTY_TEXT = "rm -rf / \u0000\u0007\u001b[31m\u202e\uFEFF 🦠 ∀ \r\n\t ";

  private HostileObjects() {}

  static CronJob privilegedCronJob(String namespace, String name) {
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
        .withNewSpec()
        .withRestartPolicy("Never")
        .addToContainers(privileged("c", List.of("sh", "-c", "echo hi")))
        .endSpec()
        .endTemplate()
        .endSpec()
        .endJobTemplate()
        .endSpec()
        .build();
  }

  /**
   * 500 privileged containers, 10,000 env vars, a 253-character name, hostile unicode in every
   * command and a 100,000-character hostPath.
   */
  static Pod monster(String namespace, int nameLength) {
    String name = "x".repeat(nameLength - 4) + "-pod";
    List<EnvVar> env = new ArrayList<>();
    IntStream.range(0, 10_000)
        .forEach(i -> env.add(new EnvVar("VAR_" + i, NASTY_TEXT.repeat(3) + i, null)));
    List<Container> containers = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      Container c = privileged("c" + i, List.of("sh", "-c", NASTY_TEXT.repeat(40) + i));
      if (i == 0) {
        c.setEnv(env);
      }
      containers.add(c);
    }
    containers
        .get(1)
        .getVolumeMounts()
        .add(new VolumeMountBuilder().withName("host").withMountPath("/host").build());
    return new PodBuilder()
        .withNewMetadata()
        .withNamespace(namespace)
        .withName(name)
        .endMetadata()
        .withNewSpec()
        .withContainers(containers)
        .addNewVolume()
        .withName("host")
        .withNewHostPath()
        .withPath("/" + ("a" + NASTY_TEXT).repeat(4_000))
        .endHostPath()
        .endVolume()
        .endSpec()
        .build();
  }

  private static Container privileged(String name, List<String> command) {
    return new ContainerBuilder()
        .withName(name)
        .withImage("busybox:1.36")
        .withCommand(command)
        .withNewSecurityContext()
        .withPrivileged(true)
        .endSecurityContext()
        .build();
  }
}
