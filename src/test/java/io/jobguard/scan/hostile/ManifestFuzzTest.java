package io.jobguard.scan.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobguard.policy.EffectivePolicy;
import io.jobguard.rules.Profile;
import io.jobguard.rules.Severity;
import io.jobguard.scan.ScanError;
import io.jobguard.scan.ScanResult;
import io.jobguard.scan.Scanner;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 7.6 fuzzing: a few thousand mutations of the rule fixtures and examples go through the
 * whole scan (decoding, splitting, parsing, typing, every rule). None may throw; each yields
 * objects, errors or nothing, and every error names its input and says what is wrong.
 *
 * <p>Jazzer's JUnit integration only replays its seed corpus in a normal test run, so mutating here
 * is done by {@link ManifestMutator} with a fixed seed: deterministic, and a failure names the
 * iteration that reproduces it.
 */
class ManifestFuzzTest {
  static final long SEED = 0x6A6F6267756172L;
  static final int ITERATIONS = 3_000;

  @Test
  void mutatedManifestsNeverCrashTheScan() throws Exception {
    List<String> corpus = corpus();
    assertThat(corpus).hasSizeGreaterThan(20);
    ManifestMutator mutator = new ManifestMutator(SEED);
    Scanner scanner = new Scanner(EffectivePolicy.defaults(Profile.RESTRICTED), Severity.INFO);
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    int withFindings = 0;
    int withErrors = 0;
    long start = System.nanoTime();

    for (int i = 0; i < ITERATIONS; i++) {
      byte[] input = mutator.mutate(corpus.get(i % corpus.size()));
      ScanResult result;
      try {
        result = scanner.scan(List.of("-"), new ByteArrayInputStream(input), now);
      } catch (RuntimeException | StackOverflowError e) {
        throw new AssertionError(
            "iteration " + i + " crashed the scan on:\n" + new String(input), e);
      }
      for (ScanError error : result.errors()) {
        assertThat(error.file()).as("iteration %d", i).isEqualTo("-");
        assertThat(error.message()).as("iteration %d", i).isNotBlank();
      }
      withFindings += result.findings().isEmpty() ? 0 : 1;
      withErrors += result.errors().isEmpty() ? 0 : 1;
    }

    // Both outcomes must be common, or the mutations are too weak (or too destructive) to matter.
    assertThat(withFindings).isGreaterThan(ITERATIONS / 10);
    assertThat(withErrors).isGreaterThan(ITERATIONS / 10);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMinutes(2));
  }

  private static List<String> corpus() throws Exception {
    try (Stream<Path> rules = Files.walk(Path.of("src/test/resources/rules"));
        Stream<Path> examples = Files.list(Path.of("deploy/examples"))) {
      return Stream.concat(rules, examples)
          .filter(p -> p.toString().endsWith(".yaml"))
          .sorted()
          .map(ManifestFuzzTest::read)
          .toList();
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
