package io.jobguard.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobguard.bench.ManifestGenerator;
import io.jobguard.policy.EffectivePolicy;
import io.jobguard.rules.Profile;
import io.jobguard.rules.Severity;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scan on several workers must report exactly what a scan on one reports, in the same order. */
class ParallelScanTest {
  private static final Instant NOW = Instant.parse("2026-11-30T00:00:00Z");

  @TempDir Path dir;

  @Test
  void anyNumberOfThreadsGivesTheSameResult() throws Exception {
    ManifestGenerator.write(dir.resolve("generated"), 100);
    // One file far over a batch, with broken documents in several of its batches.
    StringBuilder big = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      big.append("---\n").append(ManifestGenerator.manifest(i));
      if (i % 70 == 5) {
        big.append("---\napiVersion: v1\nkind: Pod\nmetadata: {name: [unclosed\n");
      }
      if (i % 90 == 7) {
        big.append("---\n- not\n- an object\n");
      }
    }
    Files.writeString(dir.resolve("big.yaml"), big);
    Files.writeString(
        dir.resolve("wrong-type.yaml"),
        "apiVersion: v1\nkind: Pod\nmetadata: {}\n"
            + "spec: {hostPID: sometimes, containers: []}\n");
    List<String> paths =
        List.of(
            dir.toString(), "src/test/resources/scan", "src/test/resources/rules", "missing.yaml");

    ScanResult sequential = scan(paths, 1);
    ScanResult parallel = scan(paths, 3);

    assertThat(sequential.objects()).isGreaterThan(300);
    assertThat(sequential.errors()).hasSizeGreaterThan(8);
    assertThat(sequential.findings()).hasSizeGreaterThan(300);
    assertThat(parallel.errors()).containsExactlyElementsOf(sequential.errors());
    assertThat(parallel.findings().stream().map(ParallelScanTest::describe).toList())
        .containsExactlyElementsOf(
            sequential.findings().stream().map(ParallelScanTest::describe).toList());
    assertThat(
            List.of(
                parallel.objects(),
                parallel.suppressed(),
                parallel.belowMinSeverity(),
                parallel.skipped()))
        .isEqualTo(
            List.of(
                sequential.objects(),
                sequential.suppressed(),
                sequential.belowMinSeverity(),
                sequential.skipped()));
  }

  private static ScanResult scan(List<String> paths, int threads) {
    return new Scanner(
            EffectivePolicy.defaults(Profile.RESTRICTED),
            Severity.values()[0],
            ScanLimits.DEFAULT,
            threads)
        .scan(paths, InputStream.nullInputStream(), NOW);
  }

  private static String describe(ScanFinding f) {
    return String.join(
        " ",
        f.detection().ruleId(),
        f.workload().subject().toString(),
        f.source().toString(),
        f.detection().evidence().field(),
        f.detection().evidence().message());
  }
}
