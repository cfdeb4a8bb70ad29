package io.jobguard.operator.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.jobguard.api.v1alpha1.ApiGroup;
import io.jobguard.api.v1alpha1.ContainerSnapshot;
import io.jobguard.api.v1alpha1.DetectionPolicy;
import io.jobguard.api.v1alpha1.Finding;
import io.jobguard.operator.OperatorLifecycle;
import io.jobguard.operator.findings.FindingEvents;
import io.jobguard.policy.CommandPatternSpec;
import io.jobguard.policy.RuleParameters;
import io.jobguard.policy.RuleSettings;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Policy changes reach existing Findings: an exception added later suppresses them (kept, naming
 * the exception), its expiry reports them again, a severity override rewrites them, an exception
 * for a DaemonSet covers its Pods, and an invalid edit keeps the last valid policy.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
class PolicyHotReloadTest {
  static final Duration TIMEOUT = Duration.ofSeconds(30);
  static final String PRIVILEGED = "privileged-container";
  static final String HOST_PID = "host-pid";

  @Inject KubernetesClient client;
  @Inject OperatorLifecycle lifecycle;
  @Inject MeterRegistry registry;

  private final List<DetectionPolicy> created = new ArrayList<>();
  private String namespace;

  @BeforeEach
  void namespace() {
    namespace = "hr-" + UUID.randomUUID().toString().substring(0, 8);
    client
        .namespaces()
        .resource(
            new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
        .create();
    await().atMost(TIMEOUT).until(lifecycle::synced);
  }

  @AfterEach
  void deletePolicies() {
    created.forEach(p -> client.resource(p).delete());
  }

  @Test
  void exceptionAddedLaterSuppressesTheFindingAndItsExpiryReportsItAgain() {
    client.resource(pod("maint", false, Map.of())).create();
    Finding finding = awaitFinding("Pod", "maint", PRIVILEGED, f -> true);
    assertThat(finding.getStatus().getSuppressedBy()).isNull();

    Instant expires = Instant.now().plusSeconds(8).truncatedTo(ChronoUnit.SECONDS);
    apply(
        """
        metadata: {name: maintenance-window}
        spec:
          exceptions:
            - name: maintenance
              rules: [privileged-container]
              namespaces: [%s]
              reason: Node maintenance until the window closes.
              expires: "%s"
        """
            .formatted(namespace, expires));
    Finding suppressed =
        awaitFinding("Pod", "maint", PRIVILEGED, f -> f.getStatus().getSuppressedBy() != null);
    assertThat(suppressed.getStatus().getSuppressedBy()).isEqualTo("maintenance");
    assertThat(suppressed.getStatus().getSuppressionReason()).startsWith("Node maintenance");
    assertThat(Instant.now()).isBefore(expires);

    // No edit: the expiry alone brings the Finding back, announced like a new one.
    Finding again =
        awaitFinding("Pod", "maint", PRIVILEGED, f -> f.getStatus().getSuppressedBy() == null);
    assertThat(Instant.now()).isAfter(expires);
    assertThat(again.getStatus().getSuppressionReason()).isNull();
    await().atMost(TIMEOUT).until(() -> findingEvents("maint") == 2);
  }

  @Test
  void severityOverrideRewritesTheExistingFindingAndIgnoreMarkersAreOnlyRecorded() {
    client
        .resource(pod("pid", true, Map.of("ignore-check.kube-linter.io/host-pid", "legacy")))
        .create();
    Finding high = awaitFinding("Pod", "pid", HOST_PID, f -> true);
    assertThat(high.getSpec().getRule().getSeverity()).isEqualTo("high");
    assertThat(high.getStatus().getSuppressedBy()).isNull();
    assertThat(high.getStatus().getIgnoreAnnotations())
        .containsExactly("ignore-check.kube-linter.io/host-pid");

    DetectionPolicy policy =
        apply(
            """
            metadata: {name: quieter-pid}
            spec:
              rules:
                - id: host-pid
                  severity: low
            """);
    Finding low = awaitFinding("Pod", "pid", HOST_PID, f -> severity(f).equals("low"));
    assertThat(low.getMetadata().getLabels()).containsEntry(ApiGroup.LABEL_SEVERITY, "low");
    await().atMost(TIMEOUT).until(() -> findingsGauge(HOST_PID, "low") >= 1);

    client.resource(policy).delete();
    created.remove(policy);
    awaitFinding("Pod", "pid", HOST_PID, f -> severity(f).equals("high"));
  }

  @Test
  void templateEditRewritesTheEvidenceWithoutCountingAnOccurrence() {
    CronJob cronJob =
        new CronJobBuilder()
            .withNewMetadata()
            .withNamespace(namespace)
            .withName("nightly")
            .endMetadata()
            .withNewSpec()
            .withSchedule("0 1 * * *")
            .withNewJobTemplate()
            .withNewSpec()
            .withNewTemplate()
            .withSpec(pod("template", false, Map.of()).getSpec())
            .endTemplate()
            .endSpec()
            .endJobTemplate()
            .endSpec()
            .build();
    client.resource(cronJob).create();
    Finding before = awaitFinding("CronJob", "nightly", PRIVILEGED, f -> true);
    assertThat(before.getSpec().getEvidence().get(0).getContainer()).isEqualTo("main");

    client
        .resource(cronJob)
        .edit(
            c -> {
              c.getSpec()
                  .getJobTemplate()
                  .getSpec()
                  .getTemplate()
                  .getSpec()
                  .getContainers()
                  .get(0)
                  .setName("renamed");
              return c;
            });
    Finding after =
        awaitFinding(
            "CronJob",
            "nightly",
            PRIVILEGED,
            f -> "renamed".equals(f.getSpec().getEvidence().get(0).getContainer()));
    assertThat(after.getStatus().getCount()).isEqualTo(1L);
    assertThat(after.getSpec().getTemplate().getContainers())
        .extracting(ContainerSnapshot::getName)
        .containsExactly("renamed");
  }

  @Test
  void exceptionForADaemonSetCoversItsPods() {
    apply(
        """
        metadata: {name: node-agents}
        spec:
          exceptions:
            - name: kube-proxy
              rules: [privileged-container]
              namespaces: [%s]
              kinds: [DaemonSet]
              names: [kube-proxy]
              reason: Programs iptables in the host network namespace.
        """
            .formatted(namespace));
    DaemonSet daemonSet = client.resource(daemonSet("kube-proxy")).create();
    client.resource(ownedPod("kube-proxy-x1", daemonSet)).create();
    client.resource(pod("not-kube-proxy", false, Map.of())).create();

    Finding covered = awaitFinding("DaemonSet", "kube-proxy", PRIVILEGED, f -> true);
    assertThat(covered.getStatus().getSuppressedBy()).isEqualTo("kube-proxy");
    Finding other = awaitFinding("Pod", "not-kube-proxy", PRIVILEGED, f -> true);
    assertThat(other.getStatus().getSuppressedBy()).isNull();
  }

  @Test
  void exceptionAddedLaterCoversAnExistingDaemonSetFinding() {
    DaemonSet daemonSet = client.resource(daemonSet("node-exporter")).create();
    client.resource(ownedPod("node-exporter-a1", daemonSet)).create();
    Finding reported = awaitFinding("DaemonSet", "node-exporter", PRIVILEGED, f -> true);
    assertThat(reported.getStatus().getSuppressedBy()).isNull();

    apply(
        """
        metadata: {name: exporters}
        spec:
          exceptions:
            - name: node-exporter
              rules: [privileged-container]
              namespaces: [%s]
              kinds: [DaemonSet]
              names: [node-exporter]
              reason: Reads host metrics; reviewed by the platform team.
        """
            .formatted(namespace));

    Finding suppressed =
        awaitFinding(
            "DaemonSet", "node-exporter", PRIVILEGED, f -> f.getStatus().getSuppressedBy() != null);
    assertThat(suppressed.getStatus().getSuppressedBy()).isEqualTo("node-exporter");
  }

  @Test
  void invalidEditKeepsTheLastValidVersionAndPoliciesMergeInNameOrder() {
    apply(
        """
        metadata: {name: merge-a}
        spec:
          rules: [{id: host-pid, severity: low}]
        """);
    apply(
        """
            metadata: {name: merge-b}
            spec:
              rules: [{id: host-pid, severity: info}]
            """);
    client.resource(pod("first", true, Map.of())).create();
    awaitFinding("Pod", "first", HOST_PID, f -> severity(f).equals("info"));

    client
        .resources(DetectionPolicy.class)
        .withName("merge-b")
        .edit(
            p -> {
              RuleSettings rule = p.getSpec().getRules().get(0);
              rule.setId("suspicious-command");
              rule.setSeverity("critical");
              rule.setParameters(brokenPattern());
              return p;
            });
    Condition invalid = PolicyTests.awaitValid(client, "merge-b", "False");
    assertThat(invalid.getMessage())
        .startsWith("spec.rules[0].parameters.commandPatterns[0].regex")
        .contains("invalid regular expression");
    DetectionPolicy live = client.resources(DetectionPolicy.class).withName("merge-b").get();
    assertThat(live.getStatus().getObservedGeneration())
        .isEqualTo(live.getMetadata().getGeneration());
    assertThat(invalid.getObservedGeneration()).isEqualTo(live.getMetadata().getGeneration());

    client.resource(pod("second", true, Map.of())).create();
    Finding second = awaitFinding("Pod", "second", HOST_PID, f -> true);
    assertThat(severity(second)).isEqualTo("info");
  }

  /** A command pattern whose regular expression does not compile. */
  private static RuleParameters brokenPattern() {
    CommandPatternSpec pattern = new CommandPatternSpec();
    pattern.setName("broken");
    pattern.setRegex("curl (http");
    RuleParameters parameters = new RuleParameters();
    parameters.setCommandPatterns(List.of(pattern));
    return parameters;
  }

  private DetectionPolicy apply(String yaml) {
    DetectionPolicy policy =
        Serialization.unmarshal(
            "apiVersion: jobguard.io/v1alpha1\nkind: DetectionPolicy\n" + yaml,
            DetectionPolicy.class);
    DetectionPolicy made = client.resource(policy).create();
    created.add(made);
    PolicyTests.awaitValid(client, made.getMetadata().getName(), "True");
    return made;
  }

  private Finding awaitFinding(
      String kind, String name, String rule, Predicate<Finding> condition) {
    return await()
        .atMost(TIMEOUT)
        .until(
            () ->
                client.resources(Finding.class).inNamespace(namespace).list().getItems().stream()
                    .filter(f -> f.getStatus() != null)
                    .filter(f -> kind.equals(f.getSpec().getSubject().getKind()))
                    .filter(f -> name.equals(f.getSpec().getSubject().getName()))
                    .filter(f -> rule.equals(f.getSpec().getRule().getId()))
                    .filter(condition)
                    .findFirst()
                    .orElse(null),
            f -> f != null);
  }

  private long findingEvents(String subject) {
    return client.v1().events().inNamespace(namespace).list().getItems().stream()
        .filter(e -> FindingEvents.REASON.equals(e.getReason()))
        .filter(e -> subject.equals(e.getInvolvedObject().getName()))
        .filter(e -> e.getMessage().startsWith(PRIVILEGED))
        .count();
  }

  private double findingsGauge(String rule, String severity) {
    return registry
        .find("jobguard.findings")
        .tags("rule", rule, "severity", severity)
        .gauges()
        .stream()
        .mapToDouble(Gauge::value)
        .sum();
  }

  private static String severity(Finding f) {
    return f.getSpec().getRule().getSeverity();
  }

  private Pod pod(String name, boolean hostPid, Map<String, String> annotations) {
    return new PodBuilder()
        .withNewMetadata()
        .withNamespace(namespace)
        .withName(name)
        .withAnnotations(annotations)
        .endMetadata()
        .withNewSpec()
        .withHostPID(hostPid ? true : null)
        .addNewContainer()
        .withName("main")
        .withImage("busybox:1.36")
        .withNewSecurityContext()
        .withPrivileged(!hostPid)
        .endSecurityContext()
        .endContainer()
        .endSpec()
        .build();
  }

  private Pod ownedPod(String name, DaemonSet owner) {
    Pod pod = pod(name, false, Map.of());
    pod.getMetadata()
        .setOwnerReferences(
            List.of(
                new OwnerReferenceBuilder()
                    .withApiVersion("apps/v1")
                    .withKind("DaemonSet")
                    .withName(owner.getMetadata().getName())
                    .withUid(owner.getMetadata().getUid())
                    .withController(true)
                    .build()));
    return pod;
  }

  private DaemonSet daemonSet(String name) {
    return new DaemonSetBuilder()
        .withNewMetadata()
        .withNamespace(namespace)
        .withName(name)
        .endMetadata()
        .withNewSpec()
        .withNewSelector()
        .addToMatchLabels("app", name)
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .addToLabels("app", name)
        .endMetadata()
        .withSpec(pod("template", false, Map.of()).getSpec())
        .endTemplate()
        .endSpec()
        .build();
  }
}
