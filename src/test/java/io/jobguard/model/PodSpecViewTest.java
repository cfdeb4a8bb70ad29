package io.jobguard.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EphemeralContainer;
import io.fabric8.kubernetes.api.model.EphemeralContainerBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PodSpecViewTest {
  /**
   * A null list entry (possible in a hand-written manifest: "- ~") is no container, not a crash.
   */
  @Test
  void nullContainersAreSkippedAndTheOthersKeepTheirIndex() {
    PodSpec spec = new PodSpec();
    spec.setContainers(Arrays.asList(container("a"), null, container("c")));
    spec.setEphemeralContainers(Arrays.asList((EphemeralContainer) null, debug("d")));

    PodSpecView view = new PodSpecView("spec", spec, new ObjectMeta());

    assertThat(view.containers())
        .extracting(ContainerView::name, ContainerView::path)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("a", "spec.containers[0]"),
            org.assertj.core.groups.Tuple.tuple("c", "spec.containers[2]"),
            org.assertj.core.groups.Tuple.tuple("d", "spec.ephemeralContainers[1]"));
  }

  private static Container container(String name) {
    return new ContainerBuilder().withName(name).withImage("alpine:3.20").build();
  }

  private static EphemeralContainer debug(String name) {
    return new EphemeralContainerBuilder().withName(name).withImage("busybox:1.36").build();
  }
}
