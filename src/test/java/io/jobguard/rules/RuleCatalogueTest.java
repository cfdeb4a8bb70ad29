package io.jobguard.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every rule against its fixtures and checks its metadata: a rule without fixtures, docs or a
 * full-sentence remediation fails the build.
 */
class RuleCatalogueTest {
  private static final Set<String> OTHER_CONTROLLERS =
      Set.of(
          "Deployment",
          "StatefulSet",
          "DaemonSet",
          "ReplicaSet",
          "ReplicationController",
          "PodTemplate");

  static Stream<Rule> rules() {
    return RuleCatalogue.builtin().rules().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ids")
  void fireFixturesFire(String id) {
    Rule rule = rule(id);
    RuleContext context = RuleFixtures.context(id);
    List<RuleFixtures.Document> docs =
        RuleFixtures.load(RuleFixtures.folder(id).resolve("fire.yaml"));
    assertThat(docs).as("%s fire.yaml needs several documents", id).hasSizeGreaterThanOrEqualTo(3);
    for (RuleFixtures.Document doc : docs) {
      List<Evidence> evidence = rule.evaluate(doc.workload(), context);
      assertThat(evidence).as("%s must fire on %s", id, doc.describe()).isNotEmpty();
      assertExpectations(doc, evidence);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ids")
  void dontFireFixturesStayQuiet(String id) {
    Rule rule = rule(id);
    RuleContext context = RuleFixtures.context(id);
    List<RuleFixtures.Document> docs =
        RuleFixtures.load(RuleFixtures.folder(id).resolve("dont-fire.yaml"));
    assertThat(docs)
        .as("%s dont-fire.yaml needs several documents", id)
        .hasSizeGreaterThanOrEqualTo(3);
    for (RuleFixtures.Document doc : docs) {
      assertThat(rule.evaluate(doc.workload(), context))
          .as("%s must not fire on %s", id, doc.describe())
          .isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ids")
  void fixturesCoverPodJobCronJobAndAnotherController(String id) {
    Set<String> kinds = new HashSet<>();
    for (String file : List.of("fire.yaml", "dont-fire.yaml")) {
      RuleFixtures.load(RuleFixtures.folder(id).resolve(file))
          .forEach(d -> kinds.add(d.workload().kind()));
    }
    assertThat(kinds).as("%s fixtures' kinds", id).contains("Pod", "Job", "CronJob");
    assertThat(kinds)
        .as("%s fixtures need another controller", id)
        .containsAnyElementsOf(OTHER_CONTROLLERS);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ids")
  void metadataIsComplete(String id) {
    RuleMetadata m = rule(id).metadata();
    assertThat(m.id()).matches("[a-z][a-z0-9-]*[a-z0-9]");
    assertThat(m.title()).isNotBlank().doesNotEndWith(".");
    assertThat(m.description()).as("%s description", id).hasSizeGreaterThan(80).endsWith(".");
    assertThat(m.remediation())
        .as("%s remediation must be full sentences", id)
        .matches("^[A-Z].*[.]$")
        .hasSizeGreaterThan(30);
    m.attack().forEach(a -> assertThat(a).matches("T\\d{4}(\\.\\d{3})?"));
    assertThat(Files.isDirectory(RuleFixtures.folder(id))).as("%s fixture folder", id).isTrue();
  }

  private static void assertExpectations(RuleFixtures.Document doc, List<Evidence> evidence) {
    String severity = doc.expectation("expect-severity");
    if (severity != null) {
      assertThat(evidence)
          .as("%s expected severity", doc.describe())
          .anyMatch(e -> e.severity().word().equals(severity));
      assertThat(
              evidence.stream().map(Evidence::severity).max(Enum::compareTo).orElseThrow().word())
          .as("%s highest severity", doc.describe())
          .isEqualTo(severity);
    }
    String field = doc.expectation("expect-field");
    if (field != null) {
      assertThat(evidence)
          .as("%s expected field", doc.describe())
          .anyMatch(e -> field.equals(e.field()));
    }
    String pattern = doc.expectation("expect-pattern");
    if (pattern != null) {
      assertThat(evidence)
          .as("%s expected pattern", doc.describe())
          .anyMatch(e -> pattern.equals(e.pattern()));
    }
  }

  static Stream<String> ids() {
    return rules().map(Rule::id);
  }

  private static Rule rule(String id) {
    return RuleCatalogue.builtin().find(id).orElseThrow();
  }
}
