package io.jobguard.operator.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jobguard.operator.JobguardConfig;
import io.jobguard.operator.LeaderElection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class NamespaceShardTest {

  @Test
  void everyNamespaceBelongsToExactlyOneHashShard() {
    List<NamespaceShard> shards =
        IntStream.range(0, 3).mapToObj(i -> NamespaceShard.of(shard(null, 3, i))).toList();
    for (int n = 0; n < 1_000; n++) {
      String namespace = "team-" + n;
      assertThat(shards.stream().filter(s -> s.owns(namespace))).hasSize(1);
    }
  }

  @Test
  void theHashIsStableAcrossReleases() {
    // CRC32 of the UTF-8 name: pinned so that an upgrade never moves a namespace to another shard.
    assertThat(NamespaceShard.ByHash.bucket("kube-system", 4)).isEqualTo(1);
    assertThat(NamespaceShard.ByHash.bucket("default", 2)).isEqualTo(1);
  }

  @Test
  void eachShardHasItsOwnLease() {
    assertThat(LeaderElection.leaseName(NamespaceShard.of(shard(null, 1, 0))))
        .isEqualTo("jobguard-leader");
    assertThat(LeaderElection.leaseName(NamespaceShard.of(shard(null, 4, 2))))
        .isEqualTo("jobguard-leader-2");
    assertThat(LeaderElection.leaseName(NamespaceShard.of(shard("jobguard.io/shard=a", 1, 0))))
        .matches("jobguard-leader-[0-9a-f]{8}")
        .isNotEqualTo(
            LeaderElection.leaseName(NamespaceShard.of(shard("jobguard.io/shard=b", 1, 0))));
  }

  @Test
  void selectorShardOwnsOnlyItsMembersAndExcludedNamespacesStayOut() {
    NamespaceShard.BySelector shard = new NamespaceShard.BySelector("jobguard.io/shard=a");
    WatchScope scope = new WatchScope(List.of(), Set.of("kube-system"), shard);
    assertThat(scope.includes("team-a")).isFalse();
    shard.join("team-a");
    shard.join("kube-system");
    assertThat(scope.includes("team-a")).isTrue();
    assertThat(scope.includes("kube-system")).isFalse();
    shard.leave("team-a");
    assertThat(scope.includes("team-a")).isFalse();
  }

  @Test
  void badSettingsNameTheKey() {
    assertThatThrownBy(() -> NamespaceShard.of(shard(null, 0, 0)))
        .hasMessageContaining("jobguard.shard.count");
    assertThatThrownBy(() -> NamespaceShard.of(shard(null, 2, 2)))
        .hasMessageContaining("jobguard.shard.index");
    assertThatThrownBy(() -> NamespaceShard.of(shard("a=b", 2, 0)))
        .hasMessageContaining("jobguard.shard.namespace-selector");
  }

  private static JobguardConfig.Shard shard(String selector, int count, int index) {
    return new JobguardConfig.Shard() {
      @Override
      public Optional<String> namespaceSelector() {
        return Optional.ofNullable(selector);
      }

      @Override
      public int count() {
        return count;
      }

      @Override
      public int index() {
        return index;
      }
    };
  }
}
