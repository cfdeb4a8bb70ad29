package io.jobguard.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/crds.md} is generated from the CRDs the classes generate, so the reference cannot lag
 * behind the schema. Regenerate with {@code -Djobguard.regenerate=true}.
 */
class CrdReferenceTest {
  private static final Path DOC = Path.of("docs/crds.md");

  @Test
  void committedReferenceMatchesTheCrds() throws IOException {
    String rendered = rendered();
    if (Boolean.getBoolean("jobguard.regenerate")) {
      Files.createDirectories(DOC.getParent());
      Files.writeString(DOC, rendered);
    }
    assertThat(Files.exists(DOC) ? Files.readString(DOC) : "")
        .as("docs/crds.md differs from the CRDs; regenerate with -Djobguard.regenerate=true")
        .isEqualTo(rendered);
  }

  @Test
  void everyFieldIsDescribed() throws IOException {
    assertThat(rendered().lines().filter(l -> l.startsWith("| `")))
        .as("fields without a description")
        .noneMatch(l -> l.endsWith("|  |"));
  }

  private static String rendered() throws IOException {
    return CrdReference.render(
        List.of(
            CrdFiles.parse(GeneratedCrds.files().get(GeneratedCrds.FINDING)),
            CrdFiles.parse(GeneratedCrds.files().get(GeneratedCrds.DETECTION_POLICY))));
  }
}
