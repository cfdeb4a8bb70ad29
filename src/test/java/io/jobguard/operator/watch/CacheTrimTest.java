package io.jobguard.operator.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CacheTrimTest {
  @Test
  void podKeepsWhatRulesReadAndLosesTheBulk() {
    Pod pod =
        new PodBuilder()
            .withNewMetadata()
            .withName("p")
            .withManagedFields(new ManagedFieldsEntry())
            .withAnnotations(
                Map.of(
                    CacheTrim.LAST_APPLIED,
                    "{...}",
                    "container.apparmor.security.beta.kubernetes.io/c",
                    "unconfined"))
            .endMetadata()
            .withNewSpec()
            .addNewContainer()
            .withName("c")
            .endContainer()
            .endSpec()
            .withNewStatus()
            .withPhase("Running")
            .endStatus()
            .build();
    pod.getMetadata().setAnnotations(new java.util.HashMap<>(pod.getMetadata().getAnnotations()));

    CacheTrim.trim(pod);

    assertThat(pod.getMetadata().getManagedFields()).isNullOrEmpty();
    assertThat(pod.getStatus()).isNull();
    assertThat(pod.getMetadata().getAnnotations())
        .containsOnlyKeys("container.apparmor.security.beta.kubernetes.io/c");
    assertThat(pod.getSpec().getContainers()).hasSize(1);
  }

  @Test
  void controllersCachedForOwnerChecksKeepOnlyMetadata() {
    ReplicaSet rs =
        new ReplicaSetBuilder()
            .withNewMetadata()
            .withName("rs")
            .withUid("u")
            .endMetadata()
            .withNewSpec()
            .withReplicas(3)
            .endSpec()
            .build();

    CacheTrim.trim(rs);

    assertThat(rs.getSpec()).isNull();
    assertThat(rs.getMetadata().getUid()).isEqualTo("u");
  }
}
