package io.jobguard.scan;

import static io.jobguard.scan.ScanRun.resource;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobguard.rules.Profile;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class ScanCommandTest {
  private static final String PRIVILEGED = "privileged-container";

  @Test
  void findingsWithoutFailOnExitZero() {
    ScanRun run = ScanRun.of("-o", "json", resource("multi-doc.yaml"));

    assertThat(run.exitCode()).isZero();
    assertThat(run.findings(PRIVILEGED)).hasSize(2);
    assertThat(run.err()).isEmpty();
  }

  @Test
  void failOnExitsOneAtOrAboveTheThreshold() {
    assertThat(ScanRun.of("--fail-on", "critical", resource("multi-doc.yaml")).exitCode())
        .isEqualTo(ScanCommand.FINDINGS);
    assertThat(ScanRun.of("--fail-on", "HIGH", resource("multi-doc.yaml")).exitCode())
        .isEqualTo(ScanCommand.FINDINGS);
  }

  @Test
  void failOnIgnoresFindingsBelowIt() {
    // The policy lowers privileged-container to low; a medium gate then passes.
    ScanRun run =
        ScanRun.of(
            "--policy",
            resource("policy-override.yaml"),
            "--fail-on",
            "medium",
            "--min-severity",
            "low",
            resource("mixed/a-good.yaml"));

    assertThat(run.exitCode()).isZero();
  }

  @Test
  void hardenedWorkloadPassesACriticalGate() {
    ScanRun run = ScanRun.of("--fail-on", "critical", resource("hardened.yaml"));

    assertThat(run.exitCode()).isZero();
  }

  @Test
  void minSeverityHidesLowerFindingsAndCountsThem() {
    ScanRun run =
        ScanRun.of(
            "-o",
            "json",
            "--policy",
            resource("policy-override.yaml"),
            "--min-severity",
            "medium",
            resource("mixed/a-good.yaml"));

    assertThat(run.findings(PRIVILEGED)).isEmpty();
    assertThat(run.json().at("/summary/belowMinSeverity").asInt()).isPositive();
  }

  @Test
  void policySeverityOverrideApplies() {
    ScanRun run =
        ScanRun.of(
            "-o", "json", "--policy", resource("policy-override.yaml"), resource("pod.json"));

    assertThat(run.findings(PRIVILEGED))
        .singleElement()
        .satisfies(f -> assertThat(f.path("severity").asText()).isEqualTo("low"));
  }

  @Test
  void policyCanDisableARule() {
    ScanRun run =
        ScanRun.of("-o", "json", "--policy", resource("policy-disable.yaml"), resource("pod.json"));

    assertThat(run.exitCode()).isZero();
    assertThat(run.findings(PRIVILEGED)).isEmpty();
  }

  @Test
  void profileOptionOverridesThePolicyProfile() throws Exception {
    assertThat(policyProfile("--policy", resource("policy-restricted.yaml"), "x"))
        .isEqualTo(Profile.RESTRICTED);
    assertThat(
            policyProfile(
                "--policy", resource("policy-restricted.yaml"), "--profile", "baseline", "x"))
        .isEqualTo(Profile.BASELINE);
    assertThat(policyProfile("--profile", "Restricted", "x")).isEqualTo(Profile.RESTRICTED);
    assertThat(policyProfile("x")).isEqualTo(Profile.BASELINE);
  }

  @Test
  void readsStdin() throws Exception {
    String manifest = Files.readString(Path.of(resource("multi-doc.yaml")));

    ScanRun run = ScanRun.withStdin(manifest, "-o", "json", "-");

    assertThat(run.findings(PRIVILEGED))
        .extracting(f -> f.at("/source/file").asText())
        .containsOnly("-");
    assertThat(run.json().at("/summary/objects").asInt()).isEqualTo(3);
  }

  @Test
  void readsJsonFromStdin() throws Exception {
    String manifest = Files.readString(Path.of(resource("pod.json")));

    ScanRun run = ScanRun.withStdin(manifest, "-o", "json", "-");

    assertThat(run.findings(PRIVILEGED))
        .singleElement()
        .satisfies(f -> assertThat(f.at("/source/line").asInt()).isEqualTo(11));
  }

  @Test
  void directoryWithBrokenFilesExitsTwoAndStillReportsTheGoodOnes() {
    ScanRun run = ScanRun.of("-o", "json", "--fail-on", "critical", resource("mixed"));

    assertThat(run.exitCode()).isEqualTo(ScanCommand.INPUT_ERROR);
    assertThat(run.findings(PRIVILEGED))
        .extracting(f -> f.at("/subject/name").asText())
        .containsExactlyInAnyOrder("good-priv", "before-broken", "after-broken");
    JsonNode errors = run.json().path("errors");
    assertThat(errors).hasSize(2);
    assertThat(errors.get(0).path("file").asText()).endsWith("mixed/b-broken.yaml");
    assertThat(errors.get(0).path("document").asInt()).isEqualTo(1);
    assertThat(errors.get(0).path("line").asInt()).isBetween(16, 21);
    assertThat(errors.get(1).path("file").asText()).endsWith("mixed/c-wrong-type.yaml");
    assertThat(errors.get(1).path("line").asInt()).isEqualTo(6);
    assertThat(errors.get(1).path("message").asText()).contains("hostPID");
    assertThat(run.err()).contains("b-broken.yaml:").contains("c-wrong-type.yaml:6");
  }

  @Test
  void directoriesAreWalkedInSortedOrderForManifestExtensionsOnly() {
    ManifestSources sources =
        new ManifestSources(ScanLimits.DEFAULT, InputStream.nullInputStream());

    List<String> names =
        sources.read(List.of(resource("mixed"))).stream().map(ManifestSource::name).toList();

    assertThat(names)
        .containsExactly(
            resource("mixed/a-good.yaml"),
            resource("mixed/b-broken.yaml"),
            resource("mixed/c-wrong-type.yaml"),
            resource("mixed/nested/d-clean.yml"));
    assertThat(sources.errors()).isEmpty();
  }

  @Test
  void missingFileIsAnInputError() {
    ScanRun run = ScanRun.of("-o", "json", resource("does-not-exist.yaml"), resource("pod.json"));

    assertThat(run.exitCode()).isEqualTo(ScanCommand.INPUT_ERROR);
    assertThat(run.findings(PRIVILEGED)).hasSize(1);
    assertThat(run.json().at("/errors/0/message").asText()).contains("no such file");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "--output=xml",
        "--fail-on=severe",
        "--min-severity=",
        "--profile=strict",
        "--no-such-option"
      })
  void usageErrorsExitTwo(String option) {
    ScanRun run = ScanRun.of(option, resource("pod.json"));

    assertThat(run.exitCode()).isEqualTo(ScanCommand.INPUT_ERROR);
    assertThat(run.err()).isNotBlank();
    assertThat(run.out()).isEmpty();
  }

  @Test
  void noPathIsAUsageError() {
    assertThat(ScanRun.of().exitCode()).isEqualTo(ScanCommand.INPUT_ERROR);
  }

  @Test
  void unreadablePolicyIsAUsageError() {
    ScanRun run = ScanRun.of("--policy", resource("multi-doc.yaml"), resource("pod.json"));

    assertThat(run.exitCode()).isEqualTo(ScanCommand.INPUT_ERROR);
    assertThat(run.err()).contains("--policy").contains("DetectionPolicy");
  }

  @Test
  void missingPolicyFileIsAUsageError() {
    ScanRun run = ScanRun.of("--policy", resource("no-such-policy.yaml"), resource("pod.json"));

    assertThat(run.exitCode()).isEqualTo(ScanCommand.INPUT_ERROR);
    assertThat(run.err()).contains("no-such-policy.yaml: no such file");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void inputErrorsWinOverFindings() {
    ScanRun run =
        ScanRun.of("--fail-on", "info", resource("pod.json"), resource("mixed/b-broken.yaml"));

    assertThat(run.exitCode()).isEqualTo(ScanCommand.INPUT_ERROR);
  }

  private static Profile policyProfile(String... args) throws Exception {
    ScanCommand command = new ScanCommand(InputStream.nullInputStream());
    new CommandLine(command).parseArgs(args);
    return command.effectivePolicy().profile();
  }
}
