package io.jobguard.policy;

import static io.jobguard.policy.Specs.outcome;
import static org.assertj.core.api.Assertions.assertThat;

import io.jobguard.model.Workload;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The example policy of docs/policy.md is valid and excepts exactly the agents it names. */
class PolicyExamplesTest {
  static final Path EXAMPLE = Path.of("src/test/resources/policy/example-policy.yaml");
  private static EffectivePolicy policy;

  @BeforeAll
  static void load() throws Exception {
    policy =
        EffectivePolicy.from(PolicyFiles.readSpec(EXAMPLE, TestRules.spec()), TestRules.spec());
  }

  private static String privileged(Workload workload, Instant now) {
    return outcome(policy, workload, now).get("privileged-container");
  }

  private static String privileged(Workload workload) {
    return privileged(workload, Specs.NOW);
  }

  @Test
  void kubeProxyIsExceptedOnlyAsShipped() {
    TestWorkload proxy =
        TestWorkload.daemonSet("kube-system", "kube-proxy")
            .image("registry.k8s.io/kube-proxy:v1.31.2")
            .serviceAccount("kube-proxy");
    assertThat(privileged(proxy.build())).isEqualTo("kube-proxy");
    assertThat(privileged(proxy.sidecar("docker.io/library/alpine:3").build())).isEqualTo("active");
    assertThat(
            privileged(
                TestWorkload.daemonSet("default", "kube-proxy")
                    .image("registry.k8s.io/kube-proxy:v1.31.2")
                    .serviceAccount("kube-proxy")
                    .build()))
        .isEqualTo("active");
  }

  @Test
  void cniAndCsiAgentsAreExcepted() {
    assertThat(
            privileged(
                TestWorkload.daemonSet("calico-system", "calico-node")
                    .image("docker.io/calico/node:v3.28.1")
                    .initContainer("docker.io/calico/cni:v3.28.1")
                    .serviceAccount("calico-node")
                    .build()))
        .isEqualTo("calico-node");
    assertThat(
            privileged(
                TestWorkload.daemonSet("kube-system", "cilium")
                    .image("quay.io/cilium/cilium:v1.16.3@sha256:62d2a09b")
                    .serviceAccount("cilium")
                    .build()))
        .isEqualTo("cilium-agent");
    assertThat(
            privileged(
                TestWorkload.daemonSet("kube-system", "ebs-csi-node")
                    .image("public.ecr.aws/ebs-csi-driver/aws-ebs-csi-driver:v1.35.0")
                    .sidecar(
                        "public.ecr.aws/eks-distro/kubernetes-csi/node-driver-registrar:v2.11.1")
                    .serviceAccount("ebs-csi-node-sa")
                    .build()))
        .isEqualTo("csi-node-plugins");
  }

  @Test
  void aLookalikeInAnotherNamespaceOrKindIsNotExcepted() {
    assertThat(
            privileged(
                TestWorkload.pod("kube-system", "calico-node")
                    .image("docker.io/calico/node:v3.28.1")
                    .serviceAccount("calico-node")
                    .build()))
        .as("a bare Pod is not the calico-node DaemonSet")
        .isEqualTo("active");
  }

  @Test
  void theTemporaryExceptionExpires() {
    Workload job = TestWorkload.job("payments", "schema-migrate-42").build();
    assertThat(privileged(job, Instant.parse("2026-06-29T23:59:59Z")))
        .isEqualTo("schema-migration-2026q2");
    assertThat(privileged(job, Instant.parse("2026-06-30T00:00:00Z"))).isEqualTo("active");
  }
}
