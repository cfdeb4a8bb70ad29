package io.jobguard.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.crdv2.generator.CRDGenerator;
import io.jobguard.api.v1alpha1.DetectionPolicy;
import io.jobguard.api.v1alpha1.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CRDs are generated from the API classes and committed twice: in crds/ for kubectl users and
 * in charts/jobguard/crds/ where Helm installs them. Run with {@code -Djobguard.regenerate=true} to
 * rewrite both after changing an API class.
 */
class CrdFilesTest {
  static final Path CRDS = Path.of("crds");
  static final Path CHART_CRDS = ChartRenderer.CHART.resolve("crds");
  static final List<String> FILES =
      List.of("findings.jobguard.io-v1.yml", "detectionpolicies.jobguard.io-v1.yml");

  @Test
  void committedCrdsMatchTheApiClasses(@TempDir Path generated) throws IOException {
    new CRDGenerator()
        .customResourceClasses(Finding.class, DetectionPolicy.class)
        .forCRDVersions("v1")
        .inOutputDir(generated.toFile())
        .generate();
    if (Regeneration.requested()) {
      for (Path target : List.of(CRDS, CHART_CRDS)) {
        Files.createDirectories(target);
        for (String file : FILES) {
          Files.copy(
              generated.resolve(file),
              target.resolve(file),
              java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    assertThat(contents(CRDS))
        .as("crds/ differs from the API classes; rerun with -Djobguard.regenerate=true")
        .isEqualTo(contents(generated));
  }

  @Test
  void chartCrdsAreByteIdenticalToCrdsFolder() throws IOException {
    assertThat(contents(CRDS)).containsOnlyKeys(FILES);
    assertThat(contents(CHART_CRDS))
        .as("charts/jobguard/crds/ must be a copy of crds/")
        .isEqualTo(contents(CRDS));
  }

  private static Map<String, String> contents(Path folder) throws IOException {
    Map<String, String> files = new TreeMap<>();
    if (!Files.isDirectory(folder)) {
      return files;
    }
    try (Stream<Path> list = Files.list(folder)) {
      for (Path file : list.filter(Files::isRegularFile).toList()) {
        files.put(file.getFileName().toString(), Files.readString(file));
      }
    }
    return files;
  }
}
