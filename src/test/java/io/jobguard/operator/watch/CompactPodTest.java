package io.jobguard.operator.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import org.junit.jupiter.api.Test;

class CompactPodTest {

  @Test
  void cacheKeepsIdentityAndSpecHashOnly() {
    Pod pod = pod("busybox:1.36");
    TrimmingItemStore<Pod> store = new TrimmingItemStore<>();
    store.put(store.getKey(pod), pod);

    Pod cached = store.get("ops/maint-1");
    assertThat(cached.getSpec()).isNull();
    assertThat(cached.getMetadata().getUid()).isEqualTo("u-1");
    assertThat(cached.getMetadata().getLabels()).isNullOrEmpty();
    assertThat(CompactPod.templateHash(cached)).isPresent();
    // The event's own object is untouched apart from the usual trim: rules still judge its spec.
    assertThat(pod.getSpec().getContainers()).hasSize(1);
    assertThat(CompactPod.templateHash(pod)).isEmpty();
  }

  @Test
  void barePodsKeepTheirSpecSoAPolicyChangeCanJudgeThemAgain() {
    Pod bare = pod("busybox:1.36");
    bare.getMetadata().setOwnerReferences(null);
    TrimmingItemStore<Pod> store = new TrimmingItemStore<>();
    store.put(store.getKey(bare), bare);

    Pod cached = store.get("ops/maint-1");
    assertThat(cached.getSpec().getContainers()).hasSize(1);
    assertThat(CompactPod.templateHash(cached)).isEmpty();
  }

  @Test
  void updateAgainstTheCachedCopySeesSpecChangesOnly() {
    Pod before = CompactPod.of(pod("busybox:1.36"));
    Pod statusOnly = pod("busybox:1.36");
    statusOnly.setStatus(new io.fabric8.kubernetes.api.model.PodStatus());
    statusOnly.getStatus().setPhase("Running");

    assertThat(WorkloadEventHandler.templateChanged(before, statusOnly)).isFalse();
    Pod withDebugger =
        new PodBuilder(pod("busybox:1.36"))
            .editSpec()
            .addNewEphemeralContainer()
            .withName("debugger")
            .withImage("busybox")
            .withNewSecurityContext()
            .withPrivileged(true)
            .endSecurityContext()
            .endEphemeralContainer()
            .endSpec()
            .build();
    assertThat(WorkloadEventHandler.templateChanged(before, withDebugger)).isTrue();
  }

  private static Pod pod(String image) {
    return new PodBuilder()
        .withNewMetadata()
        .withNamespace("ops")
        .withName("maint-1")
        .withUid("u-1")
        .addToLabels("app", "maint")
        .addNewOwnerReference()
        .withApiVersion("batch/v1")
        .withKind("Job")
        .withName("maint")
        .withUid("job-1")
        .withController(true)
        .endOwnerReference()
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("c")
        .withImage(image)
        .endContainer()
        .endSpec()
        .build();
  }
}
