package io.jobguard.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.jobguard.api.v1alpha1.DetectionPolicy;
import io.jobguard.api.v1alpha1.Finding;
import io.jobguard.operator.findings.FindingWriter;
import io.jobguard.policy.DetectionPolicySpec;
import io.jobguard.policy.RuleSettings;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** DetectionPolicies steer the operator; an invalid one reports why and changes nothing. */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
class DetectionPolicyTest {
  static final Duration TIMEOUT = Duration.ofSeconds(30);

  @Inject KubernetesClient client;
  @Inject OperatorLifecycle lifecycle;
  @Inject FindingWriter writer;

  @Test
  void disabledRuleStaysOffUntilThePolicyIsDeletedAndInvalidEditsAreRejected() throws Exception {
    String namespace = "p-" + UUID.randomUUID().toString().substring(0, 8);
    client
        .namespaces()
        .resource(
            new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
        .create();
    await().atMost(TIMEOUT).until(lifecycle::synced);

    DetectionPolicy policy =
        client.resource(policy("quiet", "privileged-container", null)).create();
    awaitValid("quiet", "True");
    client.resource(Workloads.pod(namespace, "while-disabled")).create();

    client
        .resources(DetectionPolicy.class)
        .withName("quiet")
        .edit(
            p -> {
              p.getSpec().getRules().get(0).setSeverity("bogus");
              return p;
            });
    Condition rejected = awaitValid("quiet", "False");
    assertThat(rejected.getMessage()).contains("bogus");
    client.resource(Workloads.pod(namespace, "while-invalid")).create();

    Thread.sleep(1_500);
    writer.awaitIdle(TIMEOUT);
    assertThat(client.resources(Finding.class).inNamespace(namespace).list().getItems()).isEmpty();

    client.resource(policy).delete();
    client.resource(Workloads.pod(namespace, "after-delete")).create();
    // The deletion is seen asynchronously; retry with fresh Pods until the rule is back.
    await()
        .atMost(TIMEOUT)
        .pollInterval(Duration.ofSeconds(2))
        .until(
            () -> {
              String name = "retry-" + UUID.randomUUID().toString().substring(0, 5);
              client.resource(Workloads.pod(namespace, name)).create();
              return !client
                  .resources(Finding.class)
                  .inNamespace(namespace)
                  .list()
                  .getItems()
                  .isEmpty();
            });
  }

  private Condition awaitValid(String name, String status) {
    return await()
        .atMost(TIMEOUT)
        .until(
            () -> {
              DetectionPolicy p = client.resources(DetectionPolicy.class).withName(name).get();
              if (p == null || p.getStatus() == null) {
                return null;
              }
              return p.getStatus().getConditions().stream()
                  .filter(c -> "Valid".equals(c.getType()) && status.equals(c.getStatus()))
                  .findFirst()
                  .orElse(null);
            },
            c -> c != null);
  }

  private static DetectionPolicy policy(String name, String rule, String severity) {
    RuleSettings settings = new RuleSettings();
    settings.setId(rule);
    settings.setEnabled(false);
    settings.setSeverity(severity);
    DetectionPolicySpec spec = new DetectionPolicySpec();
    spec.setProfile("baseline");
    spec.setRules(List.of(settings));
    DetectionPolicy policy = new DetectionPolicy();
    policy.setMetadata(new ObjectMetaBuilder().withName(name).build());
    policy.setSpec(spec);
    return policy;
  }
}
