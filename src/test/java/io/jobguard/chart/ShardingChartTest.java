package io.jobguard.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** sharding.*: one Deployment per shard, each with its own shard settings and pod labels. */
class ShardingChartTest {
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  @Test
  void unshardedChartHasOneDeploymentWithoutShardSettings() {
    List<Deployment> deployments = deployments(ChartRenderer.render());
    assertThat(deployments).hasSize(1);
    assertThat(deployments.get(0).getMetadata().getName()).isEqualTo("jobguard");
    assertThat(env(deployments.get(0))).doesNotContainKeys("JOBGUARD_SHARD_COUNT");
  }

  @Test
  void hashShardingRendersOneDeploymentPerIndex() {
    List<Deployment> deployments =
        deployments(ChartRenderer.renderWithValues("sharding:\n  mode: hash\n  count: 3\n"));
    assertThat(deployments)
        .extracting(d -> d.getMetadata().getName())
        .containsExactly("jobguard-shard-0", "jobguard-shard-1", "jobguard-shard-2");
    for (int i = 0; i < 3; i++) {
      Map<String, String> env = env(deployments.get(i));
      assertThat(env)
          .containsEntry("JOBGUARD_SHARD_COUNT", "3")
          .containsEntry("JOBGUARD_SHARD_INDEX", String.valueOf(i));
      assertThat(deployments.get(i).getSpec().getSelector().getMatchLabels())
          .containsEntry("jobguard.io/shard", String.valueOf(i));
      assertThat(deployments.get(i).getSpec().getTemplate().getMetadata().getLabels())
          .containsEntry("jobguard.io/shard", String.valueOf(i));
    }
  }

  @Test
  void selectorShardingRendersOneDeploymentPerSelector() {
    List<Deployment> deployments =
        deployments(
            ChartRenderer.renderWithValues(
                "sharding:\n  mode: selector\n  namespaceSelectors:\n"
                    + "    - jobguard.io/shard=a\n    - jobguard.io/shard=b\n"));
    assertThat(deployments).hasSize(2);
    assertThat(deployments)
        .extracting(d -> env(d).get("JOBGUARD_SHARD_NAMESPACE_SELECTOR"))
        .containsExactly("jobguard.io/shard=a", "jobguard.io/shard=b");
  }

  @Test
  void selectorModeWithoutSelectorsIsRefused() {
    assertThatThrownBy(() -> ChartRenderer.renderWithValues("sharding:\n  mode: selector\n"))
        .hasMessageContaining("sharding.namespaceSelectors");
  }

  private static List<Deployment> deployments(String rendered) {
    List<JsonNode> nodes = ChartRenderer.ofKind(ChartRenderer.documents(rendered), "Deployment");
    return nodes.stream()
        .map(n -> SERIALIZATION.unmarshal(n.toString(), Deployment.class))
        .toList();
  }

  private static Map<String, String> env(Deployment deployment) {
    return deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
        .filter(e -> e.getValue() != null)
        .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
  }
}
