package io.jobguard.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.jobguard.api.v1alpha1.Finding;
import io.jobguard.operator.OperatorLifecycle;
import io.jobguard.operator.findings.FindingWriter;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A label-selector shard: only labelled namespaces are judged, and a namespace labelled later is
 * picked up with the workloads already in it.
 */
@Tag("bench")
@QuarkusTest
@WithKubernetesTestServer(crud = true)
@TestProfile(SelectorShardingBench.Config.class)
class SelectorShardingBench {
  static final String LABEL = "jobguard.io/shard";

  public static class Config implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("jobguard.shard.namespace-selector", LABEL + "=a");
    }
  }

  @Inject KubernetesClient client;
  @Inject OperatorLifecycle lifecycle;
  @Inject FindingWriter writer;

  @Test
  void ownsLabelledNamespacesAndPicksUpOnesLabelledLater() throws Exception {
    await().atMost(Duration.ofSeconds(60)).until(lifecycle::synced);
    namespace("sel-in", true);
    namespace("sel-later", false);
    client.resource(BenchWorkloads.pod("sel-in", "p", true)).create();
    client.resource(BenchWorkloads.pod("sel-later", "p", true)).create();

    await().atMost(Duration.ofSeconds(30)).until(() -> findings("sel-in") == 1);
    Thread.sleep(1_000);
    writer.awaitIdle(Duration.ofSeconds(10));
    assertThat(findings("sel-later")).isZero();

    client.namespaces().withName("sel-later").edit(ns -> labelled(ns, true));
    await().atMost(Duration.ofSeconds(30)).until(() -> findings("sel-later") == 1);
  }

  private void namespace(String name, boolean labelled) {
    client
        .namespaces()
        .resource(
            labelled(
                new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build(),
                labelled))
        .create();
  }

  private static io.fabric8.kubernetes.api.model.Namespace labelled(
      io.fabric8.kubernetes.api.model.Namespace namespace, boolean labelled) {
    if (labelled) {
      namespace.getMetadata().setLabels(Map.of(LABEL, "a"));
    }
    return namespace;
  }

  private long findings(String namespace) {
    return client.resources(Finding.class).inNamespace(namespace).list().getItems().size();
  }
}
