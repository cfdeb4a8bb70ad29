package io.jobguard.policy;

import static io.jobguard.policy.Specs.NOW;
import static io.jobguard.policy.Specs.outcome;
import static io.jobguard.policy.Specs.policy;
import static org.assertj.core.api.Assertions.assertThat;

import io.jobguard.model.ObjectRef;
import io.jobguard.model.Workload;
import io.jobguard.rules.Detection;
import io.jobguard.rules.RuleCatalogue;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each exception matcher alone, their AND, and the rule scope of an exception. */
class ExceptionMatchingTest {
  private static final String PRIVILEGED = "privileged-container";

  private static EffectivePolicy exception(String matchers) throws PolicyValidationException {
    return policy(
        """
        exceptions:
          - name: ex
            rules: [privileged-container]
            reason: test
        """
            + matchers.indent(4));
  }

  private static String privileged(EffectivePolicy policy, Workload workload) {
    return outcome(policy, workload).get(PRIVILEGED);
  }

  @Test
  void namespaceGlobs() throws PolicyValidationException {
    EffectivePolicy policy = exception("namespaces: [monitoring, 'kube-*']");
    assertThat(privileged(policy, TestWorkload.pod("monitoring", "a").build())).isEqualTo("ex");
    assertThat(privileged(policy, TestWorkload.pod("kube-system", "a").build())).isEqualTo("ex");
    assertThat(privileged(policy, TestWorkload.pod("default", "a").build())).isEqualTo("active");
    assertThat(privileged(policy, TestWorkload.pod("monitoring-2", "a").build()))
        .isEqualTo("active");
  }

  @Test
  void subjectNameGlobs() throws PolicyValidationException {
    EffectivePolicy policy = exception("names: ['calico-*', node-exporter]");
    assertThat(privileged(policy, TestWorkload.pod("x", "calico-node").build())).isEqualTo("ex");
    assertThat(privileged(policy, TestWorkload.pod("x", "node-exporter").build())).isEqualTo("ex");
    assertThat(privileged(policy, TestWorkload.pod("x", "node-exporter-2").build()))
        .isEqualTo("active");
  }

  @Test
  void kindsAreExact() throws PolicyValidationException {
    EffectivePolicy policy = exception("kinds: [DaemonSet]");
    assertThat(privileged(policy, TestWorkload.daemonSet("x", "a").build())).isEqualTo("ex");
    assertThat(privileged(policy, TestWorkload.pod("x", "a").build())).isEqualTo("active");
    assertThat(privileged(policy, TestWorkload.cronJob("x", "a").build())).isEqualTo("active");
  }

  @Test
  void imageGlobsMustMatchEveryImage() throws PolicyValidationException {
    EffectivePolicy policy = exception("images: ['quay.io/prometheus/node-exporter:*']");
    TestWorkload exporter =
        TestWorkload.daemonSet("monitoring", "node-exporter")
            .image("quay.io/prometheus/node-exporter:v1.8.2");
    assertThat(privileged(policy, exporter.build())).isEqualTo("ex");
    assertThat(privileged(policy, exporter.sidecar("evil.example/miner:1").build()))
        .as("an added sidecar must not inherit the exception")
        .isEqualTo("active");
    assertThat(
            privileged(
                policy,
                TestWorkload.pod("m", "n")
                    .image("quay.io/prometheus/node-exporter:v1")
                    .initContainer("busybox:1")
                    .build()))
        .as("init containers count")
        .isEqualTo("active");
  }

  @Test
  void imageGlobStarStaysWithinOnePathSegment() throws PolicyValidationException {
    Workload exporter =
        TestWorkload.pod("m", "n").image("quay.io/prometheus/node-exporter:v1").build();
    assertThat(privileged(exception("images: ['quay.io/*']"), exporter)).isEqualTo("active");
    assertThat(privileged(exception("images: ['quay.io/**']"), exporter)).isEqualTo("ex");
    assertThat(privileged(exception("images: ['quay.io/{prometheus,cilium}/*']"), exporter))
        .isEqualTo("ex");
  }

  @Test
  void serviceAccounts() throws PolicyValidationException {
    EffectivePolicy policy = exception("serviceAccounts: [kube-proxy]");
    assertThat(privileged(policy, TestWorkload.pod("x", "a").serviceAccount("kube-proxy").build()))
        .isEqualTo("ex");
    assertThat(privileged(policy, TestWorkload.pod("x", "a").build()))
        .as("no serviceAccountName means 'default'")
        .isEqualTo("active");
    assertThat(
            privileged(exception("serviceAccounts: [default]"), TestWorkload.pod("x", "a").build()))
        .isEqualTo("ex");
  }

  @Test
  void selectorMatchLabels() throws PolicyValidationException {
    EffectivePolicy policy = exception("selector: {matchLabels: {app: fluent-bit, tier: logs}}");
    assertThat(
            privileged(
                policy,
                TestWorkload.daemonSet("x", "a")
                    .label("app", "fluent-bit")
                    .label("tier", "logs")
                    .label("extra", "y")
                    .build()))
        .isEqualTo("ex");
    assertThat(
            privileged(policy, TestWorkload.daemonSet("x", "a").label("app", "fluent-bit").build()))
        .isEqualTo("active");
  }

  @Test
  void selectorMatchExpressions() throws PolicyValidationException {
    EffectivePolicy policy =
        exception(
            """
            selector:
              matchExpressions:
                - {key: app, operator: In, values: [calico-node, cilium]}
                - {key: env, operator: NotIn, values: [dev]}
                - {key: k8s-app, operator: Exists}
                - {key: debug, operator: DoesNotExist}
            """);
    TestWorkload cilium = TestWorkload.pod("x", "a").label("app", "cilium").label("k8s-app", "c");
    assertThat(privileged(policy, cilium.build())).isEqualTo("ex");
    assertThat(privileged(policy, cilium.label("env", "prod").build())).isEqualTo("ex");
    assertThat(privileged(policy, cilium.label("env", "dev").build())).isEqualTo("active");
    assertThat(
            privileged(
                policy,
                TestWorkload.pod("x", "a")
                    .label("app", "cilium")
                    .label("k8s-app", "c")
                    .label("debug", "1")
                    .build()))
        .isEqualTo("active");
    assertThat(privileged(policy, TestWorkload.pod("x", "a").label("app", "cilium").build()))
        .as("Exists")
        .isEqualTo("active");
    assertThat(
            privileged(
                policy, TestWorkload.pod("x", "a").label("app", "x").label("k8s-app", "c").build()))
        .as("In")
        .isEqualTo("active");
  }

  @Test
  void everyMatcherThatIsSetMustMatch() throws PolicyValidationException {
    EffectivePolicy policy =
        exception("namespaces: [kube-system]\nnames: [kube-proxy]\nserviceAccounts: [kube-proxy]");
    TestWorkload proxy = TestWorkload.daemonSet("kube-system", "kube-proxy");
    assertThat(privileged(policy, proxy.build())).as("wrong service account").isEqualTo("active");
    assertThat(privileged(policy, proxy.serviceAccount("kube-proxy").build())).isEqualTo("ex");
    assertThat(
            privileged(
                policy,
                TestWorkload.daemonSet("default", "kube-proxy")
                    .serviceAccount("kube-proxy")
                    .build()))
        .as("wrong namespace")
        .isEqualTo("active");
  }

  @Test
  void anExceptionCoversOnlyItsRulesUnlessStar() throws PolicyValidationException {
    Workload pod = TestWorkload.pod("x", "a").build();
    assertThat(outcome(exception("namespaces: [x]"), pod))
        .containsEntry(PRIVILEGED, "ex")
        .containsEntry("always-medium", "active");
    EffectivePolicy star =
        policy(
            """
            exceptions:
              - {name: all, rules: ['*'], namespaces: [x], reason: lab namespace}
            """);
    assertThat(outcome(star, pod))
        .containsEntry(PRIVILEGED, "all")
        .containsEntry("always-medium", "all");
  }

  @Test
  void suppressedDetectionsCarryNameAndReasonOfTheFirstCoveringException()
      throws PolicyValidationException {
    EffectivePolicy policy =
        policy(
            """
            exceptions:
              - {name: first, rules: [privileged-container], namespaces: [x], reason: one}
              - {name: second, rules: ['*'], reason: two}
            """);
    Detection privileged =
        policy.evaluate(TestWorkload.pod("x", "a").build(), NOW).stream()
            .filter(d -> d.ruleId().equals(PRIVILEGED))
            .findFirst()
            .orElseThrow();
    assertThat(privileged.suppressed()).isTrue();
    assertThat(privileged.suppressedBy()).isEqualTo("first");
    assertThat(privileged.suppressionReason()).isEqualTo("one");
    assertThat(privileged.severity().word())
        .as("suppression keeps the evidence")
        .isEqualTo("critical");
  }

  @Test
  void podsMatchKindAndNameOfTheirVerifiedSubject() throws PolicyValidationException {
    EffectivePolicy policy = exception("kinds: [DaemonSet]\nnames: [kube-proxy]");
    Workload pod = TestWorkload.pod("kube-system", "kube-proxy-7xk2p").build();
    ObjectRef daemonSet = new ObjectRef("apps/v1", "DaemonSet", "kube-system", "kube-proxy", "u1");
    assertThat(policy.evaluate(pod, NOW))
        .allMatch(d -> !d.ruleId().equals(PRIVILEGED) || !d.suppressed());
    assertThat(policy.evaluate(pod, daemonSet, NOW))
        .filteredOn(d -> d.ruleId().equals(PRIVILEGED))
        .singleElement()
        .extracting(Detection::suppressedBy)
        .isEqualTo("ex");
  }

  @Test
  void worksOverTheBuiltinCatalogue() throws PolicyValidationException {
    EffectivePolicy policy =
        policy(
            """
            exceptions:
              - {name: cni, rules: [privileged-container], names: [calico-node], reason: CNI}
            """,
            RuleCatalogue.builtin());
    Map<String, String> outcome =
        outcome(policy, TestWorkload.daemonSet("kube-system", "calico-node").build());
    assertThat(outcome).containsEntry(PRIVILEGED, "cni");
  }
}
