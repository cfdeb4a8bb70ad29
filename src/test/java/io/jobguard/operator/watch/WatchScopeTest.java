package io.jobguard.operator.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WatchScopeTest {
  @Test
  void allNamespacesMinusExclusions() {
    WatchScope scope = new WatchScope(List.of(), Set.of("kube-system"));
    assertThat(scope.allNamespaces()).isTrue();
    assertThat(scope.includes("ops")).isTrue();
    assertThat(scope.includes("kube-system")).isFalse();
  }

  @Test
  void listedNamespacesOnlyAndExclusionStillWins() {
    WatchScope scope = new WatchScope(List.of("a", "b"), Set.of("b"));
    assertThat(scope.includes("a")).isTrue();
    assertThat(scope.includes("b")).isFalse();
    assertThat(scope.includes("c")).isFalse();
  }

  @Test
  void ownerKindsMatchOnGroupNotJustKind() {
    assertThat(WatchedKind.of("batch/v1", "Job")).contains(WatchedKind.JOB);
    assertThat(WatchedKind.of("example.com/v1", "Job")).isEmpty();
    assertThat(WatchedKind.of("apps/v1", "ReplicaSet")).contains(WatchedKind.REPLICA_SET);
  }
}
