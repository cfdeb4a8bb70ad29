package io.jobguard.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobguard.ScannerProcess;
import io.jobguard.scan.ScanCommand;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jobguard scan} over generated manifests of mixed kinds. The figure that counts is the
 * scanner as users start it, a process of its own: its wall time minus the JVM start, which is
 * measured by the same launcher scanning a single manifest. Runs inside this JVM (JIT cold, then
 * warm) and a process with the launcher's JVM tuning switched off are shown for comparison.
 */
@Tag("bench")
class ScanThroughputBench {
  private static final double TARGET_OBJECTS_PER_SECOND = 5_000;

  @TempDir Path tmp;

  @Test
  void scansFiveThousandObjectsPerSecond() throws Exception {
    Path m10k = tmp.resolve("m10000");
    ManifestGenerator.write(m10k, 10_000);
    Path m50k = tmp.resolve("m50000");
    ManifestGenerator.write(m50k, 50_000);
    Path one = tmp.resolve("one.yaml");
    Files.writeString(one, ManifestGenerator.manifest(1));

    List<String> rows = new ArrayList<>();
    rows.add(
        "| objects | how | seconds | JVM start s | objects/s excluding JVM start | load avg |");
    rows.add("|---|---|---|---|---|---|");
    double[] tuned = new double[2];
    for (int run = 0; run < 2; run++) {
      tuned[run] = processRow(rows, 10_000, m10k, one, "process " + (run + 1), true);
    }
    processRow(rows, 50_000, m50k, one, "process", true);
    processRow(rows, 10_000, m10k, one, "process, JVM tuning off", false);
    for (String run : List.of("in this JVM, first (JIT cold)", "in this JVM, second")) {
      double seconds = scanInThisJvm(m10k);
      rows.add(row(10_000, run, seconds, 0));
    }
    rows.add(row(50_000, "in this JVM, warm", scanInThisJvm(m50k), 0));
    for (Path dir : List.of(m10k, m50k)) {
      int objects = dir == m10k ? 10_000 : 50_000;
      rows.add(row(objects, "reference: Jackson YAML read into trees, one thread", bare(dir), 0));
    }
    rows.add("");
    rows.add(
        String.format(
            "Scan workers: %d (available processors). Process runs: `java @argfile"
                + " io.jobguard.JobguardMain scan -o json --fail-on critical DIR`.",
            Runtime.getRuntime().availableProcessors()));
    BenchReport.write("scan-throughput", rows);
    double mean = (tuned[0] + tuned[1]) / 2;
    assertThat(mean)
        .as("10,000 objects, mean of two processes")
        .isGreaterThanOrEqualTo(TARGET_OBJECTS_PER_SECOND);
  }

  /** One scanner process over {@code dir}, and the same launcher's start; returns objects/s. */
  private double processRow(
      List<String> rows, int objects, Path dir, Path one, String how, boolean tuned)
      throws Exception {
    double start = scanProcess(one, tuned, false);
    double seconds = scanProcess(dir, tuned, true);
    rows.add(row(objects, how, seconds, start));
    return objects / (seconds - start);
  }

  private static String row(int objects, String how, double seconds, double jvmStart) {
    return String.format(
        "| %,d | %s | %.2f | %s | %,.0f | %.1f |",
        objects,
        how,
        seconds,
        jvmStart > 0 ? String.format("%.2f", jvmStart) : "",
        objects / (seconds - jvmStart),
        loadAverage());
  }

  private static double loadAverage() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  /** What merely reading the YAML costs on this machine, for scale. */
  private static double bare(Path dir) throws Exception {
    com.fasterxml.jackson.dataformat.yaml.YAMLMapper yaml =
        new com.fasterxml.jackson.dataformat.yaml.YAMLMapper();
    long start = System.nanoTime();
    int documents = 0;
    try (java.util.stream.Stream<Path> files = Files.list(dir)) {
      for (Path file : files.sorted().toList()) {
        try (var values =
            yaml.readerFor(com.fasterxml.jackson.databind.JsonNode.class)
                .readValues(file.toFile())) {
          while (values.hasNext()) {
            values.next();
            documents++;
          }
        }
      }
    }
    assertThat(documents).isPositive();
    return (System.nanoTime() - start) / 1e9;
  }

  private static double scanInThisJvm(Path dir) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    long start = System.nanoTime();
    int code =
        ScanCommand.commandLine(
                new ScanCommand(new ByteArrayInputStream(new byte[0])),
                new PrintWriter(out),
                new PrintWriter(err))
            .execute("-o", "json", "--fail-on", "critical", dir.toString());
    double seconds = (System.nanoTime() - start) / 1e9;
    assertThat(code).as(err.toString()).isEqualTo(ScanCommand.FINDINGS);
    assertThat(out.toString()).contains("privileged-container");
    return seconds;
  }

  /** Seconds for a scanner process over {@code input}, started as users start it. */
  private double scanProcess(Path input, boolean tuned, boolean expectFindings) throws Exception {
    ProcessBuilder builder =
        ScannerProcess.builder(tmp, "scan", "-o", "json", "--fail-on", "critical", input.toString())
            .redirectError(tmp.resolve("scan.err").toFile())
            .redirectOutput(tmp.resolve("scan.json").toFile());
    if (!tuned) {
      builder.environment().put("JOBGUARD_SCAN_TUNED_JVM", "false");
    }
    long start = System.nanoTime();
    Process process = builder.start();
    assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();
    double seconds = (System.nanoTime() - start) / 1e9;
    assertThat(process.exitValue())
        .as(Files.readString(tmp.resolve("scan.err")))
        .isEqualTo(expectFindings ? ScanCommand.FINDINGS : 0);
    return seconds;
  }
}
