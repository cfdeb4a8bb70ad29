package io.jobguard.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rendered RBAC is least privilege as SPEC §7 lists it. */
class RbacTest {
  private static final Set<String> WRITE_VERBS =
      Set.of("create", "update", "patch", "delete", "deletecollection", "*");
  private static final Set<String> WORKLOADS =
      Set.of(
          "pods",
          "jobs",
          "cronjobs",
          "deployments",
          "replicasets",
          "statefulsets",
          "daemonsets",
          "replicationcontrollers",
          "podtemplates");

  private final List<JsonNode> documents =
      ChartRenderer.documents(ChartRenderer.render(ChartRenderer.EVERYTHING_ON));

  @Test
  void grantsNothingOnSecretsAndNoWildcards() {
    for (JsonNode rule : rules("ClusterRole", "Role")) {
      assertThat(strings(rule, "resources")).doesNotContain("secrets", "*");
      assertThat(strings(rule, "verbs")).doesNotContain("*");
      assertThat(strings(rule, "apiGroups")).doesNotContain("*");
    }
  }

  @Test
  void neverWritesWorkloads() {
    for (JsonNode rule : rules("ClusterRole", "Role")) {
      if (strings(rule, "resources").stream().anyMatch(WORKLOADS::contains)) {
        assertThat(strings(rule, "verbs"))
            .as(rule.toString())
            .doesNotContainAnyElementsOf(WRITE_VERBS);
      }
    }
  }

  @Test
  void readsEveryPodCarryingKindAndNamespaces() {
    List<String> readable = new ArrayList<>();
    for (JsonNode rule : rules("ClusterRole")) {
      if (strings(rule, "verbs").containsAll(List.of("get", "list", "watch"))) {
        readable.addAll(strings(rule, "resources"));
      }
    }
    assertThat(readable).containsAll(WORKLOADS).contains("namespaces");
  }

  @Test
  void ownsItsCustomResourcesAndMayOnlyCreateOrPatchEvents() {
    List<JsonNode> rules = rules("ClusterRole");
    assertThat(rules)
        .filteredOn(r -> strings(r, "apiGroups").contains("jobguard.io"))
        .singleElement()
        .satisfies(
            r ->
                assertThat(strings(r, "resources"))
                    .containsExactlyInAnyOrder(
                        "findings",
                        "findings/status",
                        "detectionpolicies",
                        "detectionpolicies/status"));
    assertThat(rules)
        .filteredOn(r -> strings(r, "resources").contains("events"))
        .allSatisfy(
            r -> assertThat(strings(r, "verbs")).containsExactlyInAnyOrder("create", "patch"))
        .flatExtracting(r -> strings(r, "apiGroups"))
        .containsExactlyInAnyOrder("", "events.k8s.io");
  }

  @Test
  void leasesOnlyInTheReleaseNamespace() {
    assertThat(rules("ClusterRole")).noneMatch(r -> strings(r, "resources").contains("leases"));
    List<JsonNode> roles = ChartRenderer.ofKind(documents, "Role");
    assertThat(roles)
        .singleElement()
        .satisfies(
            role -> {
              assertThat(role.at("/metadata/namespace").asText())
                  .isEqualTo(ChartRenderer.NAMESPACE);
              assertThat(role.path("rules"))
                  .singleElement()
                  .satisfies(
                      r -> {
                        assertThat(strings(r, "resources")).containsExactly("leases");
                        assertThat(strings(r, "verbs"))
                            .containsExactlyInAnyOrder("get", "create", "update");
                      });
            });
  }

  @Test
  void bindingsNameTheChartsServiceAccount() {
    for (String kind : List.of("ClusterRoleBinding", "RoleBinding")) {
      assertThat(ChartRenderer.ofKind(documents, kind))
          .allSatisfy(
              b -> {
                assertThat(b.at("/subjects/0/name").asText()).isEqualTo("jobguard");
                assertThat(b.at("/subjects/0/namespace").asText())
                    .isEqualTo(ChartRenderer.NAMESPACE);
              });
    }
  }

  private List<JsonNode> rules(String... kinds) {
    List<JsonNode> rules = new ArrayList<>();
    for (String kind : kinds) {
      ChartRenderer.ofKind(documents, kind).forEach(role -> role.path("rules").forEach(rules::add));
    }
    assertThat(rules).as("rules of %s", List.of(kinds)).isNotEmpty();
    return rules;
  }

  private static List<String> strings(JsonNode rule, String field) {
    List<String> values = new ArrayList<>();
    rule.path(field).forEach(v -> values.add(v.asText()));
    return values;
  }
}
