package io.jobguard.operator.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.jobguard.api.v1alpha1.ApiGroup;
import io.jobguard.api.v1alpha1.DetectionPolicy;
import io.jobguard.api.v1alpha1.Finding;
import io.jobguard.operator.OperatorLifecycle;
import io.jobguard.policy.PolicyFiles;
import io.jobguard.rules.Severity;
import io.jobguard.scan.ScanFinding;
import io.jobguard.scan.ScanResult;
import io.jobguard.scan.Scanner;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * One policy file, one set of manifests: {@code scan --policy} and the operator on the mock server
 * must report the same (subject, rule, severity) and suppress the same number of them.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
class PolicyParityTest {
  static final Duration TIMEOUT = Duration.ofSeconds(30);
  static final Path POLICY = Path.of("src/test/resources/policy/parity/policy.yaml");
  static final Path MANIFESTS = Path.of("src/test/resources/policy/parity/manifests.yaml");
  static final List<String> NAMESPACES = List.of("parity-ops", "parity-apps");

  @Inject KubernetesClient client;
  @Inject OperatorLifecycle lifecycle;
  @Inject MeterRegistry registry;

  /** What both paths must agree on. */
  record Verdict(String kind, String namespace, String name, String rule, String severity) {}

  @Test
  void scanAndOperatorAgreeOnTheSamePolicyFile() throws Exception {
    ScanResult scan =
        new Scanner(PolicyFiles.load(POLICY), Severity.values()[0])
            .scan(List.of(MANIFESTS.toString()), InputStream.nullInputStream(), Instant.now());
    assertThat(scan.errors()).isEmpty();
    Set<Verdict> reported =
        scan.findings().stream().map(PolicyParityTest::verdict).collect(Collectors.toSet());

    await().atMost(TIMEOUT).until(lifecycle::synced);
    double highBefore = detections("high");
    double infoBefore = detections("info");
    DetectionPolicy policy = PolicyTests.createAndAwaitValid(client, POLICY);
    try {
      NAMESPACES.forEach(this::createNamespace);
      try (InputStream in = Files.newInputStream(MANIFESTS)) {
        client.load(in).items().forEach(o -> client.resource(o).create());
      }
      int expected = reported.size() + scan.suppressed();
      await().atMost(TIMEOUT).until(() -> findings().size() == expected);

      List<Finding> findings = findings();
      Set<Verdict> active =
          findings.stream()
              .filter(f -> f.getStatus().getSuppressedBy() == null)
              .map(PolicyParityTest::verdict)
              .collect(Collectors.toSet());
      assertThat(active).isEqualTo(reported);
      assertThat(findings.stream().map(f -> f.getStatus().getSuppressedBy()))
          .filteredOn(by -> by != null)
          .hasSize(scan.suppressed())
          .containsExactlyInAnyOrder(
              "by-namespace", "by-image", "by-name", "by-service-account", "by-selector");
      assertSeverityOverrideIsVisible(findings);
      assertThat(detections("info") - infoBefore).isEqualTo(2);
      assertThat(detections("high")).isEqualTo(highBefore);
    } finally {
      client.resource(policy).delete();
    }
  }

  /** host-pid is high by default; the policy makes it info in the Finding and the gauge. */
  private void assertSeverityOverrideIsVisible(List<Finding> findings) {
    List<Finding> hostPid =
        findings.stream().filter(f -> "host-pid".equals(f.getSpec().getRule().getId())).toList();
    assertThat(hostPid).hasSize(2);
    assertThat(hostPid)
        .allSatisfy(
            f -> {
              assertThat(f.getSpec().getRule().getSeverity()).isEqualTo("info");
              assertThat(f.getMetadata().getLabels())
                  .containsEntry(ApiGroup.LABEL_SEVERITY, "info");
            });
    await()
        .atMost(TIMEOUT)
        .until(
            () ->
                registry.find("jobguard.findings").tags("rule", "host-pid").gauges().stream()
                    .filter(g -> "info".equals(g.getId().getTag("severity")))
                    .mapToDouble(Gauge::value)
                    .sum(),
            n -> n >= 2);
  }

  /** jobguard_detections_total for host-pid at one severity, over every subject kind. */
  private double detections(String severity) {
    return registry
        .find("jobguard.detections")
        .tags("rule", "host-pid", "severity", severity)
        .counters()
        .stream()
        .mapToDouble(Counter::count)
        .sum();
  }

  private List<Finding> findings() {
    return NAMESPACES.stream()
        .flatMap(ns -> client.resources(Finding.class).inNamespace(ns).list().getItems().stream())
        .toList();
  }

  private void createNamespace(String name) {
    client
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
        .createOr(existing -> existing.update());
  }

  private static Verdict verdict(ScanFinding f) {
    var subject = f.detection().subject();
    return new Verdict(
        subject.kind(),
        subject.namespace(),
        subject.name(),
        f.detection().ruleId(),
        f.detection().severity().word());
  }

  private static Verdict verdict(Finding f) {
    var subject = f.getSpec().getSubject();
    return new Verdict(
        subject.getKind(),
        subject.getNamespace(),
        subject.getName(),
        f.getSpec().getRule().getId(),
        f.getSpec().getRule().getSeverity());
  }
}
