package io.jobguard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** Writes one benchmark's results as Markdown into target/benchmarks/, for docs/benchmarks.md. */
final class BenchReport {
  static final Path DIR = Path.of("target", "benchmarks");

  private BenchReport() {}

  static void write(String name, List<String> lines) throws IOException {
    Files.createDirectories(DIR);
    String header =
        "<!-- "
            + name
            + " measured "
            + Instant.now()
            + " on "
            + Runtime.getRuntime().availableProcessors()
            + " cores, Java "
            + System.getProperty("java.version")
            + " -->\n";
    Files.writeString(DIR.resolve(name + ".md"), header + String.join("\n", lines) + "\n");
    lines.forEach(System.out::println);
  }
}
