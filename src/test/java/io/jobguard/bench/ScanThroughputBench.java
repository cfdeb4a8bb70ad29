package io.jobguard.bench;

import static org.assertj.core.api.Assertions.assertThat;

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
 * {@code jobguard scan} over generated manifests of mixed kinds, in process (so JVM start is not in
 * the figure); JVM start is measured separately by launching the scanner on a single manifest.
 */
@Tag("bench")
class ScanThroughputBench {
  private static final double TARGET_OBJECTS_PER_SECOND = 5_000;

  @TempDir Path tmp;

  @Test
  void scansFiveThousandObjectsPerSecond() throws Exception {
    List<String> rows = new ArrayList<>();
    rows.add(
        "| objects | run | seconds | objects/s | process CPU s | objects per CPU-s | load avg |");
    rows.add("|---|---|---|---|---|---|---|");
    double at10k = 0;
    for (int objects : new int[] {10_000, 50_000}) {
      Path dir = tmp.resolve("m" + objects);
      ManifestGenerator.write(dir, objects);
      // The 50k files are scanned once, warm: the bench has to stay within a few minutes.
      List<String> runs =
          objects == 10_000 ? List.of("first (cold JIT)", "second") : List.of("warm");
      for (String run : runs) {
        double cpuBefore = processCpuSeconds();
        double seconds = scan(dir);
        double cpu = processCpuSeconds() - cpuBefore;
        double rate = objects / seconds;
        rows.add(
            String.format(
                "| %,d | %s | %.2f | %,.0f | %.2f | %,.0f | %.1f |",
                objects, run, seconds, rate, cpu, objects / cpu, loadAverage()));
        if (objects == 10_000 && run.startsWith("first")) {
          at10k = rate;
        }
      }
      double bare = bareYamlSeconds(dir);
      rows.add(
          String.format(
              "| %,d | reference: Jackson YAML read of the same files into trees, nothing else"
                  + " | %.2f | %,.0f | | | %.1f |",
              objects, bare, objects / bare, loadAverage()));
    }
    double jvmStart = jvmStartSeconds();
    rows.add("");
    rows.add(
        String.format(
            "JVM start + scan of one manifest in a fresh `java` process: %.2f s. Scan workers: %d"
                + " (available processors).",
            jvmStart, Runtime.getRuntime().availableProcessors()));
    BenchReport.write("scan-throughput", rows);
    assertThat(at10k).isGreaterThanOrEqualTo(TARGET_OBJECTS_PER_SECOND);
  }

  /**
   * CPU time of the whole JVM (scan workers, JIT and GC threads included): on a shared machine it
   * says more about the scanner's cost than wall time, which other processes stretch.
   */
  private static double processCpuSeconds() {
    return ((com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime()
        / 1e9;
  }

  private static double loadAverage() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  /** What merely reading the YAML costs on this machine, for scale. */
  private static double bareYamlSeconds(Path dir) throws Exception {
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

  private static double scan(Path dir) {
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

  private double jvmStartSeconds() throws Exception {
    Path one = tmp.resolve("one.yaml");
    Files.writeString(one, ManifestGenerator.manifest(1));
    long start = System.nanoTime();
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "io.jobguard.JobguardMain",
                "scan",
                one.toString())
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("jvm.log").toFile())
            .start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    double seconds = (System.nanoTime() - start) / 1e9;
    assertThat(process.exitValue()).as(Files.readString(tmp.resolve("jvm.log"))).isZero();
    return seconds;
  }
}
