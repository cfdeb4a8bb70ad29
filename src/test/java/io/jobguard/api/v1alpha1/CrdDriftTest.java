package io.jobguard.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.crdv2.generator.CRDGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed CRDs in {@code crds/} (and the chart's copy) are exactly what the classes of {@code
 * io.jobguard.api.v1alpha1} generate. Regenerate with {@code ./mvnw test -Dtest=CrdDriftTest
 * -Djobguard.regenerate=true}.
 */
class CrdDriftTest {
  static final Path CRDS = Path.of("crds");
  static final Path CHART_CRDS = Path.of("charts/jobguard/crds");

  private static Map<String, String> generated;

  @BeforeAll
  static void generate(@TempDir Path out) throws IOException {
    new CRDGenerator()
        .inOutputDir(out.toFile())
        .forCRDVersions("v1")
        .withPostProcessor(new PrinterColumnOrder(Finding.class, DetectionPolicy.class))
        .customResourceClasses(Finding.class, DetectionPolicy.class)
        .generate();
    generated = read(out);
    if (Boolean.getBoolean("jobguard.regenerate")) {
      write(CRDS);
      if (Files.isDirectory(CHART_CRDS)) {
        write(CHART_CRDS);
      }
    }
  }

  @Test
  void committedCrdsMatchTheClasses() throws IOException {
    assertThat(generated)
        .containsOnlyKeys("findings.jobguard.io-v1.yml", "detectionpolicies.jobguard.io-v1.yml");
    assertThat(read(CRDS))
        .as("crds/ differs from the classes; regenerate with -Djobguard.regenerate=true")
        .isEqualTo(generated);
  }

  @Test
  void chartCrdsMatchTheClasses() throws IOException {
    if (Files.isDirectory(CHART_CRDS)) {
      assertThat(read(CHART_CRDS))
          .as("charts/jobguard/crds/ differs; regenerate with -Djobguard.regenerate=true")
          .isEqualTo(generated);
    }
  }

  static Map<String, String> generated() {
    return generated;
  }

  private static void write(Path dir) throws IOException {
    Files.createDirectories(dir);
    for (Map.Entry<String, String> crd : generated.entrySet()) {
      Files.writeString(dir.resolve(crd.getKey()), crd.getValue());
    }
  }

  private static Map<String, String> read(Path dir) throws IOException {
    Map<String, String> files = new TreeMap<>();
    if (!Files.isDirectory(dir)) {
      return files;
    }
    try (Stream<Path> list = Files.list(dir)) {
      for (Path file : list.filter(p -> p.toString().endsWith(".yml")).toList()) {
        files.put(file.getFileName().toString(), Files.readString(file));
      }
    }
    return files;
  }
}
