package io.jobguard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanJvmTest {
  private static final List<String> ARGUMENTS =
      List.of("-Xmx1g", "-jar", "quarkus-run.jar", "scan", "-o", "json", "-");

  @Test
  void theChildRunsTheSameCommandLineWithTheTuningInFront() {
    assertThat(ScanJvm.childCommand("/jdk/bin/java", ARGUMENTS, List.of("-Xmx1g"), Map.of(), false))
        .contains(
            List.of(
                "/jdk/bin/java",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Djobguard.scan.child=true",
                "-Xmx1g",
                "-jar",
                "quarkus-run.jar",
                "scan",
                "-o",
                "json",
                "-"));
  }

  @Test
  void optionsTheUserChoseAreNotOverridden() {
    assertThat(
            ScanJvm.childCommand("java", ARGUMENTS, List.of("-XX:+UseParallelGC"), Map.of(), false))
        .hasValueSatisfying(
            command ->
                assertThat(command)
                    .contains("-XX:TieredStopAtLevel=1")
                    .doesNotContain("-XX:+UseSerialGC"));
    assertThat(
            ScanJvm.childCommand(
                "java",
                ARGUMENTS,
                List.of("-XX:TieredStopAtLevel=4", "-XX:+UseG1GC"),
                Map.of(),
                false))
        .as("nothing left to tune")
        .isEmpty();
  }

  @Test
  void theChildTheOptedOutAndTheUnknownScanInTheirOwnJvm() {
    assertThat(ScanJvm.childCommand("java", ARGUMENTS, List.of(), Map.of(), true)).isEmpty();
    assertThat(
            ScanJvm.childCommand(
                "java", ARGUMENTS, List.of(), Map.of(ScanJvm.OPT_OUT_ENV, "false"), false))
        .isEmpty();
    assertThat(ScanJvm.childCommand(null, ARGUMENTS, List.of(), Map.of(), false)).isEmpty();
    assertThat(ScanJvm.childCommand("java", null, List.of(), Map.of(), false)).isEmpty();
  }

  @Test
  void onlyAScanIsMoved() {
    assertThat(JobguardMain.scansInTunedJvm(new String[] {"scan", "x.yaml"})).isTrue();
    assertThat(JobguardMain.scansInTunedJvm(new String[] {"scan", "--help"})).isFalse();
    assertThat(JobguardMain.scansInTunedJvm(new String[] {"run"})).isFalse();
    assertThat(JobguardMain.scansInTunedJvm(new String[0])).isFalse();
  }

  /**
   * The real thing: a scan of stdin started as a process waits, in a tuned child, for its input;
   * then stdin, stdout and the exit code are those of a scan in one JVM.
   */
  @Test
  void aScanProcessScansInATunedChildWithTheSameInputOutputAndExitCode(@TempDir Path tmp)
      throws Exception {
    String manifest = Files.readString(Path.of("src/test/resources/scan/multi-doc.yaml"));
    Process parent =
        ScannerProcess.builder(tmp, "scan", "-o", "json", "-")
            .redirectOutput(tmp.resolve("out.json").toFile())
            .redirectError(tmp.resolve("err.txt").toFile())
            .start();
    try {
      ProcessHandle child =
          await()
              .atMost(Duration.ofSeconds(60))
              .until(() -> parent.toHandle().children().findFirst().orElse(null), c -> c != null);
      assertThat(child.info().arguments().map(List::of).orElseThrow())
          .contains("-XX:TieredStopAtLevel=1", "-Djobguard.scan.child=true", "-");

      try (OutputStream stdin = parent.getOutputStream()) {
        stdin.write(manifest.getBytes(StandardCharsets.UTF_8));
      }
      assertThat(parent.waitFor(60, TimeUnit.SECONDS)).isTrue();
    } finally {
      parent.destroyForcibly();
    }

    StringWriter out = new StringWriter();
    int inOneJvm =
        JobguardCommand.execute(
            new String[] {"scan", "-o", "json", "-"},
            new ByteArrayInputStream(manifest.getBytes(StandardCharsets.UTF_8)),
            new PrintWriter(out),
            new PrintWriter(new StringWriter()));
    assertThat(parent.exitValue()).as(Files.readString(tmp.resolve("err.txt"))).isEqualTo(inOneJvm);
    assertThat(Files.readString(tmp.resolve("out.json")).strip()).isEqualTo(out.toString().strip());
  }
}
