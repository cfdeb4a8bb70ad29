package io.jobguard.scan;

import static io.jobguard.scan.ScanRun.resource;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.jobguard.rules.RuleCatalogue;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportFormatsTest {
  private static final String PRIVILEGED = "privileged-container";

  @Test
  void jsonHasTheSpecSchema() {
    ScanRun run =
        ScanRun.of("-o", "json", resource("multi-doc.yaml"), resource("mixed/b-broken.yaml"));
    JsonNode result = run.json();

    assertThat(result.path("apiVersion").asText()).isEqualTo("jobguard.io/v1alpha1");
    assertThat(result.path("kind").asText()).isEqualTo("ScanResult");
    JsonNode finding = run.findings(PRIVILEGED).get(0);
    assertThat(finding.fieldNames())
        .toIterable()
        .contains(
            "ruleId",
            "title",
            "severity",
            "attack",
            "subject",
            "container",
            "field",
            "value",
            "message",
            "remediation",
            "source");
    assertThat(finding.path("severity").asText()).isEqualTo("critical");
    assertThat(finding.path("attack")).extracting(JsonNode::asText).contains("T1611");
    assertThat(finding.path("subject").fieldNames())
        .toIterable()
        .containsExactly("apiVersion", "kind", "namespace", "name");
    assertThat(finding.path("source").fieldNames())
        .toIterable()
        .containsExactly("file", "document", "line");
    assertThat(finding.has("pattern")).isFalse();
    JsonNode error = result.path("errors").get(0);
    assertThat(error.fieldNames())
        .toIterable()
        .containsExactly("file", "document", "line", "message");
    JsonNode summary = result.path("summary");
    assertThat(summary.path("findings").asInt()).isEqualTo(result.path("findings").size());
    assertThat(summary.at("/bySeverity/critical").asInt()).isEqualTo(4);
    assertThat(summary.path("objects").asInt()).isEqualTo(5);
  }

  @Test
  void jsonFindingsAreInTriageOrder() {
    JsonNode findings = ScanRun.of("-o", "json", resource("mixed")).json().path("findings");

    List<String> keys = new ArrayList<>();
    findings.forEach(
        f -> keys.add(f.at("/subject/kind").asText() + "/" + f.at("/subject/name").asText()));
    assertThat(keys).isSorted();
  }

  @Test
  void sarifIsStructurallyValid() {
    JsonNode sarif =
        ScanRun.of("-o", "sarif", resource("multi-doc.yaml"), resource("mixed/b-broken.yaml"))
            .json();

    assertThat(sarif.path("version").asText()).isEqualTo("2.1.0");
    assertThat(sarif.path("$schema").asText()).contains("sarif-2.1.0");
    JsonNode run = sarif.at("/runs/0");
    JsonNode rules = run.at("/tool/driver/rules");
    assertThat(run.at("/tool/driver/name").asText()).isEqualTo("jobguard");
    assertThat(rules).hasSize(RuleCatalogue.builtin().rules().size());
    JsonNode results = run.path("results");
    assertThat(results).isNotEmpty();
    for (JsonNode result : results) {
      int index = result.path("ruleIndex").asInt();
      assertThat(rules.get(index).path("id").asText()).isEqualTo(result.path("ruleId").asText());
      assertThat(result.path("level").asText()).isIn("error", "warning", "note");
      assertThat(result.at("/message/text").asText()).isNotBlank();
      JsonNode location = result.at("/locations/0/physicalLocation");
      assertThat(location.at("/artifactLocation/uri").asText()).endsWith(".yaml");
      assertThat(location.at("/region/startLine").asInt()).isPositive();
    }
    JsonNode privileged = rules.get(results.get(0).path("ruleIndex").asInt());
    assertThat(privileged.at("/help/text").asText()).isNotBlank();
    assertThat(privileged.at("/fullDescription/text").asText()).isNotBlank();
    assertThat(privileged.at("/properties/tags"))
        .extracting(JsonNode::asText)
        .contains("T1611", "security");
    assertThat(privileged.at("/properties/security-severity").asDouble())
        .isGreaterThanOrEqualTo(9.0);
    assertThat(run.at("/invocations/0/executionSuccessful").asBoolean()).isFalse();
    assertThat(
            run.at(
                    "/invocations/0/toolExecutionNotifications/0/locations/0/physicalLocation/region/startLine")
                .asInt())
        .isPositive();
  }

  @Test
  void yamlIsTheFindingObjectsTheOperatorWouldWrite() throws Exception {
    ScanRun run = ScanRun.of("-o", "yaml", resource("multi-doc.yaml"));

    List<JsonNode> docs =
        new YAMLMapper()
            .readValues(new YAMLFactory().createParser(run.out()), JsonNode.class)
            .readAll();
    assertThat(docs)
        .filteredOn(d -> d.at("/spec/rule/id").asText().equals(PRIVILEGED))
        .hasSize(2)
        .allSatisfy(
            d -> {
              assertThat(d.path("apiVersion").asText()).isEqualTo("jobguard.io/v1alpha1");
              assertThat(d.path("kind").asText()).isEqualTo("Finding");
              assertThat(d.at("/metadata/name").asText()).endsWith("-privileged-container");
              assertThat(d.at("/metadata/labels/jobguard.io~1rule").asText()).isEqualTo(PRIVILEGED);
              assertThat(d.at("/spec/evidence/0/field").asText()).contains("privileged");
              assertThat(d.at("/status/count").asInt()).isEqualTo(1);
            });
    assertThat(docs)
        .extracting(d -> d.at("/metadata/namespace").asText())
        .contains("team-a", "default");
  }

  @Test
  void yamlKeepsNumericLookingStringsStrings() throws Exception {
    ScanRun run = ScanRun.of("-o", "yaml", "deploy/examples/attack-pod-nsenter.yaml");

    JsonNode finding =
        new YAMLMapper()
                .readValues(new YAMLFactory().createParser(run.out()), JsonNode.class)
                .readAll()
                .stream()
                .filter(d -> d.at("/spec/rule/id").asText().equals(PRIVILEGED))
                .findFirst()
                .orElseThrow();
    assertThat(finding.at("/spec/template/containers/0/command/2").isTextual()).isTrue();
  }

  @Test
  void tableFitsEightyColumnsAndEndsWithASummary() {
    ScanRun run = ScanRun.of(resource("multi-doc.yaml"), resource("list.yaml"));

    List<String> lines = run.out().lines().toList();
    assertThat(lines).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(80));
    assertThat(lines.get(0)).startsWith("SEVERITY");
    assertThat(lines.get(1)).startsWith("CRITICAL").contains(PRIVILEGED);
    assertThat(lines.get(lines.size() - 1)).startsWith("Scanned 5 objects: ").contains("critical");
    assertThat(run.out()).contains("multi-doc.yaml:41");
  }

  @Test
  void tableListsErrorsOnStderrAfterTheReport() {
    ScanRun run = ScanRun.of(resource("mixed/b-broken.yaml"));

    assertThat(run.out()).contains("1 error (on stderr)");
    assertThat(run.err()).startsWith("error: ").contains("b-broken.yaml:").contains("document 1");
  }

  @Test
  void wrapBreaksLongWordsAndKeepsShortOnesWhole() {
    assertThat(TableReport.wrap("one two three", 7)).containsExactly("one two", "three");
    assertThat(TableReport.wrap("abcdefghij", 4)).containsExactly("abcd", "efgh", "ij");
    assertThat(TableReport.keepEnd("spec.template.spec.containers[0]", 10)).isEqualTo("…ainers[0]");
  }

  @Test
  void jsonOutputIsTheOnlyThingOnStdout() throws Exception {
    ScanRun run = ScanRun.of("-o", "json", resource("mixed"));

    new ObjectMapper().readTree(run.out());
    assertThat(run.out().strip()).startsWith("{").endsWith("}");
  }
}
