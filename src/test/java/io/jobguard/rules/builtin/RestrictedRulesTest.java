package io.jobguard.rules.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.jobguard.rules.Evidence;
import io.jobguard.rules.Profile;
import io.jobguard.rules.Rule;
import io.jobguard.rules.RuleContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Exact evidence of the PSS restricted rules: inheritance, explicit overrides, missing fields. */
class RestrictedRulesTest {

  private static List<Evidence> run(Rule rule, String yaml) {
    assertThat(rule.metadata().profile()).isEqualTo(Profile.RESTRICTED);
    return rule.evaluate(Manifests.workload(yaml), RuleContext.defaults());
  }

  @Test
  void runAsRootHonoursPodLevelNonRootButNotExplicitFalseOrUidZero() {
    List<Evidence> found =
        run(
            new RunAsRootRule(),
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              securityContext: {runAsNonRoot: true}
              initContainers:
                - {name: init, image: a, securityContext: {runAsNonRoot: false}}
              containers:
                - {name: app, image: a}
              ephemeralContainers:
                - {name: dbg, image: a, securityContext: {runAsUser: 0}}
            """);
    assertThat(found)
        .extracting(Evidence::container, Evidence::field, Evidence::value)
        .containsExactly(
            tuple("init", "spec.initContainers[0].securityContext.runAsNonRoot", "false"),
            tuple("dbg", "spec.ephemeralContainers[0].securityContext.runAsUser", "0"));
  }

  @Test
  void runAsRootNamesTheMissingFieldOfEveryContainerWithoutAPodDefault() {
    List<Evidence> found =
        run(
            new RunAsRootRule(),
            """
            apiVersion: batch/v1
            kind: Job
            metadata: {name: j}
            spec:
              template:
                spec:
                  containers:
                    - {name: a, image: a}
                    - {name: b, image: b, securityContext: {runAsNonRoot: true}}
            """);
    assertThat(found)
        .extracting(Evidence::field, Evidence::value)
        .containsExactly(
            tuple("spec.template.spec.containers[0].securityContext.runAsNonRoot", null));
  }

  @Test
  void seccompFromAnUnconfinedPodIsNotInherited() {
    List<Evidence> found =
        run(
            new MissingSeccompRule(),
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              securityContext: {seccompProfile: {type: Unconfined}}
              containers:
                - {name: a, image: a}
                - {name: b, image: b, securityContext: {seccompProfile: {type: RuntimeDefault}}}
            """);
    assertThat(found)
        .extracting(Evidence::field, Evidence::value)
        .containsExactly(
            tuple("spec.securityContext.seccompProfile.type", "Unconfined"),
            tuple("spec.containers[0].securityContext.seccompProfile.type", null));
  }

  @Test
  void capabilitiesReportMissingDropAndEachForbiddenAdd() {
    List<Evidence> found =
        run(
            new CapabilitiesNotDroppedRule(),
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              containers:
                - name: a
                  image: a
                  securityContext:
                    capabilities: {drop: [NET_RAW], add: [NET_BIND_SERVICE, SYS_ADMIN, NET_RAW]}
            """);
    assertThat(found)
        .extracting(Evidence::field, Evidence::value)
        .containsExactly(
            tuple("spec.containers[0].securityContext.capabilities.drop", "NET_RAW"),
            tuple("spec.containers[0].securityContext.capabilities.add[1]", "SYS_ADMIN"),
            tuple("spec.containers[0].securityContext.capabilities.add[2]", "NET_RAW"));
  }

  @Test
  void windowsPodsAreExemptFromTheLinuxOnlyControlsOnly() {
    String windows =
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: w}
        spec:
          os: {name: windows}
          volumes:
            - {name: h, hostPath: {path: 'C:\\\\data'}}
          containers:
            - {name: a, image: a, volumeMounts: [{name: h, mountPath: 'C:\\\\data'}]}
        """;
    assertThat(run(new PrivilegeEscalationAllowedRule(), windows)).isEmpty();
    assertThat(run(new MissingSeccompRule(), windows)).isEmpty();
    assertThat(run(new CapabilitiesNotDroppedRule(), windows)).isEmpty();
    assertThat(run(new RunAsRootRule(), windows)).hasSize(1);
    assertThat(run(new RestrictedVolumeTypesRule(), windows))
        .extracting(Evidence::container, Evidence::field, Evidence::value)
        .containsExactly(tuple("a", "spec.volumes[0].hostPath", "hostPath"));
  }
}
