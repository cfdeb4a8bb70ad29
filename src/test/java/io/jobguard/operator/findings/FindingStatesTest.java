package io.jobguard.operator.findings;

import static org.assertj.core.api.Assertions.assertThat;

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
    return PrivilegedPods.observations(PrivilegedPods.pod("ops", "p", uid)).stream()
        .filter(o -> o.ruleId().equals("privileged-container"))
        .findFirst()
        .orElseThrow();
  }
}
