package io.jobguard.operator.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.jobguard.model.WorkloadFactory;
import io.jobguard.policy.EffectivePolicy;
import io.jobguard.rules.Detection;
import io.jobguard.rules.Profile;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The scheduler's nodeName is not the author's: only a Pod that names its node before it was
 * scheduled fires {@code control-plane-targeting}.
 */
class ScheduledNodeTest {
  static final String RULE = "control-plane-targeting";

  @Test
  void scheduledPodLosesTheNodeNameTheSchedulerWrote() {
    Pod pod = CacheTrim.trim(pod("node-1", "True"));

    assertThat(pod.getSpec().getNodeName()).isNull();
    assertThat(fires(pod)).isFalse();
  }

  @Test
  void podCreatedWithNodeNameKeepsItAndFires() {
    Pod pod = CacheTrim.trim(pod("control-plane-1", null));

    assertThat(pod.getSpec().getNodeName()).isEqualTo("control-plane-1");
    assertThat(fires(pod)).isTrue();
  }

  @Test
  void unschedulablePodIsNotTreatedAsScheduled() {
    Pod pod = CacheTrim.trim(pod("control-plane-1", "False"));

    assertThat(pod.getSpec().getNodeName()).isEqualTo("control-plane-1");
  }

  private static boolean fires(Pod pod) {
    return EffectivePolicy.defaults(Profile.BASELINE)
        .evaluate(WorkloadFactory.from(pod).orElseThrow(), Instant.now())
        .stream()
        .map(Detection::ruleId)
        .anyMatch(RULE::equals);
  }

  private static Pod pod(String nodeName, String scheduled) {
    PodBuilder builder =
        new PodBuilder()
            .withNewMetadata()
            .withNamespace("ops")
            .withName("p")
            .endMetadata()
            .withNewSpec()
            .withNodeName(nodeName)
            .addNewContainer()
            .withName("c")
            .withImage("busybox:1.36")
            .endContainer()
            .endSpec();
    if (scheduled != null) {
      builder
          .withNewStatus()
          .withPhase("Pending")
          .addNewCondition()
          .withType("PodScheduled")
          .withStatus(scheduled)
          .endCondition()
          .endStatus();
    }
    return builder.build();
  }
}
