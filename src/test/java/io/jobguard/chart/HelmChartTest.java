package io.jobguard.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** helm lint, rendering with defaults and with every optional part, and the values schema. */
class HelmChartTest {
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
  private static final Set<String> CLUSTER_SCOPED =
      Set.of("ClusterRole", "ClusterRoleBinding", "DetectionPolicy", "CustomResourceDefinition");

  @Test
  void lintsCleanInStrictMode() {
    LintResult result = new Helm(ChartRenderer.CHART).lint().strict().call();
    assertThat(result.isFailed()).as("helm lint --strict: %s", result.getMessages()).isFalse();
    assertThat(result.getMessages())
        .noneMatch(m -> m.contains("[WARNING]") || m.contains("[ERROR]"));
  }

  @Test
  void defaultsRenderTheCoreObjectsOnly() {
    assertThat(kinds(ChartRenderer.documents(ChartRenderer.render())))
        .containsExactlyInAnyOrder(
            "ServiceAccount",
            "ClusterRole",
            "ClusterRoleBinding",
            "Role",
            "RoleBinding",
            "Service",
            "Deployment",
            "DetectionPolicy");
  }

  @Test
  void everyOptionalPartRenders() {
    assertThat(kinds(ChartRenderer.documents(ChartRenderer.render(ChartRenderer.EVERYTHING_ON))))
        .contains("ServiceMonitor", "PrometheusRule", "ConfigMap", "NetworkPolicy", "Deployment");
  }

  @Test
  void renderedObjectsParseAsKubernetesObjects() {
    for (String rendered :
        List.of(
            ChartRenderer.crds() + ChartRenderer.render(),
            ChartRenderer.render(ChartRenderer.EVERYTHING_ON))) {
      for (JsonNode document : ChartRenderer.documents(rendered)) {
        HasMetadata object = SERIALIZATION.unmarshal(document.toString());
        assertThat(object.getMetadata().getName()).as(document.toString()).isNotBlank();
        String kind = object.getKind();
        if (!Set.of("DetectionPolicy", "ServiceMonitor", "PrometheusRule").contains(kind)) {
          assertThat(object).as("typed %s", kind).isNotInstanceOf(GenericKubernetesResource.class);
          assertThat(UnknownFields.of(object)).as("fields %s does not have", kind).isEmpty();
        }
        if (CLUSTER_SCOPED.contains(kind)) {
          assertThat(object.getMetadata().getNamespace()).as(kind).isNull();
        } else {
          assertThat(object.getMetadata().getNamespace())
              .as(kind)
              .isEqualTo(ChartRenderer.NAMESPACE);
        }
      }
    }
  }

  @Test
  void deploymentRunsTwoLeaderElectedReplicasWithProbesOnTheManagementPort() {
    Deployment deployment = deployment(ChartRenderer.render());
    var pod = deployment.getSpec().getTemplate().getSpec();
    var container = pod.getContainers().get(0);
    assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
    assertThat(container.getArgs()).containsExactly("run");
    assertThat(container.getPorts())
        .singleElement()
        .satisfies(p -> assertThat(p.getContainerPort()).isEqualTo(9000))
        .satisfies(p -> assertThat(p.getName()).isEqualTo("metrics"));
    assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/q/health/live");
    assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/q/health/ready");
    assertThat(container.getEnv())
        .filteredOn(e -> e.getName().equals("POD_NAMESPACE"))
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.getValueFrom().getFieldRef().getFieldPath())
                    .isEqualTo("metadata.namespace"));
    assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
    assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    assertThat(container.getVolumeMounts()).anyMatch(m -> m.getMountPath().equals("/tmp"));
  }

  @Test
  void valuesBecomeTheOperatorsEnvironment() {
    Map<String, String> env = env(deployment(ChartRenderer.render(ChartRenderer.EVERYTHING_ON)));
    assertThat(env)
        .containsEntry("JOBGUARD_WATCH_NAMESPACES", "team-a,team-b")
        .containsEntry("JOBGUARD_WATCH_EXCLUDE_NAMESPACES", "kube-system")
        .containsEntry("JOBGUARD_RETENTION_DAYS", "30")
        .containsEntry("JOBGUARD_METRICS_NAMESPACE_LABEL", "true")
        .containsEntry("JOBGUARD_EVENTS_ENABLED", "false")
        .containsEntry("JOBGUARD_WRITE_COALESCE_WINDOW", "30s")
        .containsEntry("JOBGUARD_WRITE_THREADS", "8")
        .containsEntry("QUARKUS_LOG_LEVEL", "DEBUG");
    // An empty list means "all namespaces" in the operator, so the chart leaves the variable out.
    assertThat(env(deployment(ChartRenderer.render())))
        .doesNotContainKeys("JOBGUARD_WATCH_NAMESPACES", "JOBGUARD_WATCH_EXCLUDE_NAMESPACES")
        .containsEntry("JOBGUARD_METRICS_NAMESPACE_LABEL", "false")
        .containsEntry("QUARKUS_LOG_LEVEL", "INFO");
  }

  @Test
  void defaultDetectionPolicyComesFromValues() {
    JsonNode policy =
        ChartRenderer.ofKind(
                ChartRenderer.documents(ChartRenderer.render(ChartRenderer.EVERYTHING_ON)),
                "DetectionPolicy")
            .get(0);
    assertThat(policy.at("/metadata/name").asText()).isEqualTo("default");
    assertThat(policy.at("/spec/profile").asText()).isEqualTo("restricted");
    assertThat(policy.at("/spec/allowedRegistries/0").asText()).isEqualTo("ghcr.io");
    assertThat(policy.at("/spec/exceptions/0/reason").asText()).isNotBlank();
    assertThat(
            ChartRenderer.ofKind(
                ChartRenderer.documents(
                    ChartRenderer.renderWithValues("detectionPolicy: {create: false}")),
                "DetectionPolicy"))
        .isEmpty();
  }

  @Test
  void schemaRejectsValuesTheOperatorCannotUse() {
    assertThatThrownBy(() -> ChartRenderer.renderWithValues("detectionPolicy: {profile: paranoid}"))
        .hasMessageContaining("profile");
    assertThatThrownBy(() -> ChartRenderer.renderWithValues("logLevel: LOUD"))
        .hasMessageContaining("logLevel");
    assertThatThrownBy(() -> ChartRenderer.renderWithValues("sharding: {enabled: true}"))
        .hasMessageContaining("sharding");
  }

  @Test
  void dashboardIsValidGrafanaJson() throws Exception {
    JsonNode configMap =
        ChartRenderer.ofKind(
                ChartRenderer.documents(ChartRenderer.render(ChartRenderer.EVERYTHING_ON)),
                "ConfigMap")
            .get(0);
    assertThat(configMap.at("/metadata/labels/grafana_dashboard").asText()).isEqualTo("1");
    JsonNode dashboard =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(configMap.at("/data/jobguard.json").asText());
    assertThat(dashboard.path("panels"))
        .extracting(p -> p.path("title").asText())
        .contains(
            "Findings by severity over time",
            "Findings by rule over time",
            "New detections by namespace",
            "Detection latency",
            "Replicas up");
  }

  @Test
  void installNotesTellHowToCheckAndReadFindings() {
    String output =
        new Helm(ChartRenderer.CHART)
            .install()
            .withName(ChartRenderer.RELEASE)
            .withNamespace(ChartRenderer.NAMESPACE)
            .withKubeVersion(ChartRenderer.KUBE_VERSION)
            .clientOnly()
            .dryRun()
            .call()
            .getOutput();
    assertThat(output)
        .contains("Watching: all namespaces.")
        .contains("kubectl get findings -A")
        .contains("kubectl -n jobguard-system get lease jobguard-leader");
  }

  static Deployment deployment(String rendered) {
    JsonNode node = ChartRenderer.ofKind(ChartRenderer.documents(rendered), "Deployment").get(0);
    return SERIALIZATION.unmarshal(node.toString(), Deployment.class);
  }

  private static Map<String, String> env(Deployment deployment) {
    Map<String, String> env = new java.util.TreeMap<>();
    deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
        .filter(e -> e.getValue() != null)
        .forEach(e -> env.put(e.getName(), e.getValue()));
    return env;
  }

  private static List<String> kinds(List<JsonNode> documents) {
    return documents.stream().map(d -> d.path("kind").asText()).toList();
  }
}
