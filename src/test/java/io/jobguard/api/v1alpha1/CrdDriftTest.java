package io.jobguard.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The committed CRDs in {@code crds/} (and the chart's copy) are exactly what the classes of {@code
 * io.jobguard.api.v1alpha1} generate. Regenerate with {@code ./mvnw -B test -Dtest='Crd*Test'
 * -Djobguard.regenerate=true}.
 */
class CrdDriftTest {
  static final Path CRDS = Path.of("crds");
  static final Path CHART_CRDS = Path.of("charts/jobguard/crds");

  @BeforeAll
  static void regenerateWhenAsked() throws IOException {
    if (Boolean.getBoolean("jobguard.regenerate")) {
      write(CRDS);
      if (Files.isDirectory(CHART_CRDS)) {
        write(CHART_CRDS);
      }
    }
  }

  @Test
  void committedCrdsMatchTheClasses() throws IOException {
    assertThat(GeneratedCrds.files())
        .containsOnlyKeys(GeneratedCrds.FINDING, GeneratedCrds.DETECTION_POLICY);
    assertThat(GeneratedCrds.read(CRDS))
        .as("crds/ differs from the classes; regenerate with -Djobguard.regenerate=true")
        .isEqualTo(GeneratedCrds.files());
  }

  @Test
  void chartCrdsMatchTheClasses() throws IOException {
    if (Files.isDirectory(CHART_CRDS)) {
      assertThat(GeneratedCrds.read(CHART_CRDS))
          .as("charts/jobguard/crds/ differs; regenerate with -Djobguard.regenerate=true")
          .isEqualTo(GeneratedCrds.files());
    }
  }

  private static void write(Path dir) throws IOException {
    Files.createDirectories(dir);
    for (Map.Entry<String, String> crd : GeneratedCrds.files().entrySet()) {
      Files.writeString(dir.resolve(crd.getKey()), crd.getValue());
    }
  }
}
