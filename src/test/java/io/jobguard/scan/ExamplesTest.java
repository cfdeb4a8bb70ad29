package io.jobguard.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jobguard.rules.Rule;
import io.jobguard.rules.RuleCatalogue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * deploy/examples says what each file shows ("Expect rule-a, rule-b ..."): every rule it names that
 * exists in the catalogue must report it, benign files must stay quiet, and every file must parse.
 * As rules land, the examples are checked against them without editing this test.
 */
class ExamplesTest {
  private static final Path EXAMPLES = Path.of("deploy/examples");

  static Stream<Path> examples() throws IOException {
    try (Stream<Path> files = Files.list(EXAMPLES)) {
      return files
          .filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".json"))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest
  @MethodSource("examples")
  void reportsWhatItsHeaderExpects(Path example) throws IOException {
    ScanRun run = ScanRun.of("-o", "json", example.toString());
    Set<String> reported = new HashSet<>();
    run.json().path("findings").forEach(f -> reported.add(f.path("ruleId").asText()));

    assertThat(run.json().path("errors")).isEmpty();
    assertThat(reported).containsAll(expectedRules(header(example)));
  }

  static Stream<Path> benignExamples() throws IOException {
    return examples().filter(f -> f.getFileName().toString().startsWith("benign-"));
  }

  @ParameterizedTest
  @MethodSource("benignExamples")
  void benignExamplesReportNothingAboveLow(Path example) {
    ScanRun run = ScanRun.of("-o", "json", "--min-severity", "medium", example.toString());

    assertThat(run.json().path("findings")).isEmpty();
    assertThat(run.exitCode()).isZero();
  }

  private static List<String> expectedRules(String header) {
    int expect = header.indexOf("Expect");
    String expected = expect < 0 ? "" : header.substring(expect);
    return RuleCatalogue.builtin().rules().stream()
        .map(Rule::id)
        .filter(id -> Pattern.compile("(?<![\\w-])" + id + "(?![\\w-])").matcher(expected).find())
        .toList();
  }

  /** The leading comment of a YAML file, or the jobguard.io/example annotation of a JSON one. */
  private static String header(Path example) throws IOException {
    if (example.toString().endsWith(".json")) {
      JsonNode json = new ObjectMapper().readTree(example.toFile());
      return json.at("/metadata/annotations/jobguard.io~1example").asText();
    }
    StringBuilder header = new StringBuilder();
    for (String line : Files.readAllLines(example)) {
      if (!line.startsWith("#")) {
        break;
      }
      header.append(line.substring(1)).append(' ');
    }
    assertThat(header).as(example + " starts with a comment saying what it shows").isNotEmpty();
    return header.toString();
  }
}
