package io.jobguard.rules.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobguard.model.Workload;
import io.jobguard.rules.Evidence;
import io.jobguard.rules.Profile;
import io.jobguard.rules.RuleContext;
import io.jobguard.rules.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one baseline rule whose verdict depends on the profile: restricted ignores hostUsers. */
class UnmaskedProcMountRuleTest {
  private static final RuleContext BASELINE = RuleContext.defaults();
  private static final RuleContext RESTRICTED =
      new RuleContext(Profile.RESTRICTED, List.of(), List.of(), List.of());

  private static final Workload USER_NAMESPACE_POD =
      Workloads.fromYaml(
          """
          apiVersion: v1
          kind: Pod
          metadata: {name: builder}
          spec:
            hostUsers: false
            initContainers:
              - name: prepare
                image: alpine:3.20
                securityContext: {procMount: Default}
            containers:
              - name: build
                image: example.com/buildkit:0.15
                securityContext: {procMount: Unmasked}
          """);

  private final UnmaskedProcMountRule rule = new UnmaskedProcMountRule();

  @Test
  void baselineAllowsUnmaskedInAUserNamespace() {
    assertThat(rule.evaluate(USER_NAMESPACE_POD, BASELINE)).isEmpty();
  }

  @Test
  void restrictedForbidsUnmaskedEvenInAUserNamespace() {
    List<Evidence> evidence = rule.evaluate(USER_NAMESPACE_POD, RESTRICTED);

    assertThat(evidence).hasSize(1);
    Evidence only = evidence.get(0);
    assertThat(only.container()).isEqualTo("build");
    assertThat(only.field()).isEqualTo("spec.containers[0].securityContext.procMount");
    assertThat(only.value()).isEqualTo("Unmasked");
    assertThat(only.severity()).isEqualTo(Severity.HIGH);
    assertThat(only.message()).startsWith("Container 'build'").contains("hostUsers: false");
  }

  @Test
  void restrictedStillAcceptsTheDefaultProcMount() {
    Workload pod =
        Workloads.fromYaml(
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: plain}
            spec:
              containers:
                - name: app
                  image: nginx:1.27
                  securityContext: {procMount: Default}
            """);

    assertThat(rule.evaluate(pod, RESTRICTED)).isEmpty();
  }
}
