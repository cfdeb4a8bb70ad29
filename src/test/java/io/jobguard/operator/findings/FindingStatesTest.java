package io.jobguard.operator.findings;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.jobguard.findings.FindingFactory;
import io.jobguard.model.Workload;
import io.jobguard.model.WorkloadFactory;
import io.jobguard.operator.Rollup;
import io.jobguard.policy.EffectivePolicy;
import io.jobguard.rules.Profile;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FindingStatesTest {
  final FindingStates states = new FindingStates();

  @Test
  void aSubjectsFindingsAreFoundByItsUidUntilDropped() {
    FindingState state = states.forObservation(observation("uid-1"));

    assertThat(states.ofSubject("uid-1")).containsExactly(state);
    states.drop(state.key());
    assertThat(states.ofSubject("uid-1")).isEmpty();
    assertThat(states.get(state.key())).isNull();
  }

  @Test
  void aReCreatedSubjectsFindingNoLongerAnswersToTheOldUid() {
    FindingState first = states.forObservation(observation("uid-old"));
    FindingState again = states.forObservation(observation("uid-new"));

    assertThat(again).isSameAs(first);
    assertThat(states.ofSubject("uid-old")).isEmpty();
    assertThat(states.ofSubject("uid-new")).containsExactly(first);
  }

  /** The privileged-container observation of a bare Pod named "p" with this uid. */
  private static FindingObservation observation(String uid) {
    Pod pod =
        new PodBuilder()
            .withNewMetadata()
            .withNamespace("ops")
            .withName("p")
            .withUid(uid)
            .withCreationTimestamp(Instant.now().toString())
            .endMetadata()
            .withNewSpec()
            .addNewContainer()
            .withName("c")
            .withImage("busybox")
            .withNewSecurityContext()
            .withPrivileged(true)
            .endSecurityContext()
            .endContainer()
            .endSpec()
            .build();
    Workload workload = WorkloadFactory.from(pod).orElseThrow();
    var detections = EffectivePolicy.defaults(Profile.BASELINE).evaluate(workload, Instant.now());
    Rollup rollup = new Rollup(workload.subject(), List.of(workload.subject()));
    return FindingFactory.byRule(detections).values().stream()
        .map(d -> new FindingObservation(rollup, workload, d, Instant.now(), Instant.now()))
        .filter(o -> o.ruleId().equals("privileged-container"))
        .findFirst()
        .orElseThrow();
  }
}
