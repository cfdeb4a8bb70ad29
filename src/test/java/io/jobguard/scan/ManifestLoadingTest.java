package io.jobguard.scan;

import static io.jobguard.scan.ScanRun.resource;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Manifest loading: documents, Lists, lines, and hostile input, through the whole scan. */
class ManifestLoadingTest {
  private static final String PRIVILEGED = "privileged-container";

  @TempDir Path dir;

  @Test
  void multiDocumentFindingsCarryDocumentIndexAndFieldLine() {
    List<JsonNode> findings =
        ScanRun.of("-o", "json", resource("multi-doc.yaml")).findings(PRIVILEGED);

    assertThat(findings)
        .extracting(
            f -> f.at("/subject/name").asText(),
            f -> f.at("/source/document").asInt(),
            f -> f.at("/source/line").asInt(),
            f -> f.path("container").asText())
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("priv-pod", 0, 12, "app"),
            org.assertj.core.groups.Tuple.tuple("priv-deploy", 3, 41, "main"));
  }

  @Test
  void subjectNamespaceDefaultsAndObjectsWithoutTemplatesAreCounted() {
    JsonNode result = ScanRun.of("-o", "json", resource("multi-doc.yaml")).json();

    assertThat(result.at("/summary/objects").asInt()).isEqualTo(3);
    assertThat(result.path("findings"))
        .filteredOn(f -> f.at("/subject/name").asText().equals("priv-deploy"))
        .singleElement()
        .satisfies(f -> assertThat(f.at("/subject/namespace").asText()).isEqualTo("default"));
  }

  @Test
  void listsAndNestedListsAreExpandedWithItemLines() {
    ScanRun run = ScanRun.of("-o", "json", resource("list.yaml"));

    assertThat(run.findings(PRIVILEGED))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.at("/subject/kind").asText()).isEqualTo("Job");
              assertThat(f.at("/subject/name").asText()).isEqualTo("nested-job");
              assertThat(f.at("/source/line").asInt()).isEqualTo(28);
            });
    assertThat(run.json().at("/summary/objects").asInt()).isEqualTo(2);
  }

  @Test
  void mergeKeysAndYamlBooleansAreResolvedAsKubectlDoes() {
    assertThat(ScanRun.of("-o", "json", resource("merge-key.yaml")).findings(PRIVILEGED))
        .hasSize(1);
  }

  @Test
  void aliasBombIsAnErrorAndTheNextDocumentIsStillScanned() {
    ScanRun run = ScanRun.of("-o", "json", resource("alias-bomb.yaml"));

    assertThat(run.exitCode()).isEqualTo(ScanCommand.INPUT_ERROR);
    assertThat(run.json().at("/errors/0/document").asInt()).isZero();
    assertThat(run.json().at("/errors/0/message").asText()).containsIgnoringCase("alias");
    assertThat(run.findings(PRIVILEGED))
        .extracting(f -> f.at("/subject/name").asText())
        .containsExactly("after-bomb");
  }

  @Test
  void expandedSizeLimitCatchesBombsWithinTheAliasCount() {
    ScanLimits fewNodes = new ScanLimits(1 << 20, 100, 1000, 10_000);
    ScanRun run =
        ScanRun.run(
            new ByteArrayInputStream(new byte[0]),
            fewNodes,
            "-o",
            "json",
            resource("alias-bomb.yaml"));

    assertThat(run.json().at("/errors/0/message").asText()).contains("alias bomb");
    assertThat(run.findings(PRIVILEGED)).hasSize(1);
  }

  @Test
  void deepNestingIsAnErrorNotAStackOverflow() throws Exception {
    String deepYaml =
        "apiVersion: v1\nkind: ConfigMap\ndata:\n  x: "
            + "[".repeat(5000)
            + "]".repeat(5000)
            + "\n";
    String deepJson =
        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"data\":"
            + "[".repeat(5000)
            + "]".repeat(5000)
            + "}";
    Files.writeString(dir.resolve("deep.yaml"), deepYaml);
    Files.writeString(dir.resolve("deep.json"), deepJson);

    ScanRun run = ScanRun.of("-o", "json", dir.toString());

    assertThat(run.exitCode()).isEqualTo(ScanCommand.INPUT_ERROR);
    assertThat(run.json().path("errors")).hasSize(2);
  }

  @Test
  void hugeBinaryAndNonUtf8FilesAreErrors() throws Exception {
    Files.write(dir.resolve("binary.yaml"), new byte[] {'a', 0, 'b'});
    Files.write(dir.resolve("latin1.yaml"), "kind: \u00e9".getBytes(StandardCharsets.ISO_8859_1));
    Files.writeString(dir.resolve("huge.yaml"), "# padding\n".repeat(200));
    Files.copy(Path.of(resource("pod.json")), dir.resolve("ok.json"));
    ScanLimits small = ScanLimits.DEFAULT.withMaxFileBytes(1024);

    ScanRun run =
        ScanRun.run(new ByteArrayInputStream(new byte[0]), small, "-o", "json", dir.toString());

    assertThat(run.json().path("errors"))
        .extracting(
            e -> e.path("file").asText().replaceAll(".*/", "") + ": " + e.path("message").asText())
        .containsExactly(
            "binary.yaml: binary file (contains NUL bytes), not YAML or JSON",
            "huge.yaml: file is 2000 bytes, over the 1024 bytes limit",
            "latin1.yaml: not UTF-8 text (binary file?)");
    assertThat(run.findings(PRIVILEGED)).hasSize(1);
  }

  @Test
  void emptyFilesAndDocumentsAreSkippedQuietly() throws Exception {
    Files.writeString(dir.resolve("empty.yaml"), "");
    Files.writeString(dir.resolve("comments.yaml"), "# nothing here\n---\n# nor here\n---\n");

    ScanRun run = ScanRun.of("-o", "json", dir.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.json().at("/summary/objects").asInt()).isZero();
  }

  @Test
  void duplicateKeysAndNonObjectsAreErrors() throws Exception {
    Files.writeString(
        dir.resolve("dup.yaml"),
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  name: b\n---\n- just\n- a list\n");

    ScanRun run = ScanRun.of("-o", "json", dir.toString());

    assertThat(run.json().path("errors"))
        .extracting(e -> e.path("document").asInt() + ":" + e.path("line").asInt())
        .containsExactly("0:5", "1:7");
  }

  @Test
  void valuesFilesWithoutApiVersionOrKindAreSkippedNotErrors() throws Exception {
    Files.writeString(dir.resolve("values.yaml"), "replicaCount: 2\nimage:\n  tag: latest\n");

    ScanRun run = ScanRun.of("-o", "json", dir.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.json().at("/summary/skipped").asInt()).isEqualTo(1);
  }

  @Test
  void stdinOverTheLimitIsAnError() {
    byte[] big = "# x\n".repeat(300).getBytes(StandardCharsets.UTF_8);
    ScanRun run =
        ScanRun.run(
            new ByteArrayInputStream(big),
            ScanLimits.DEFAULT.withMaxFileBytes(1024),
            "-o",
            "json",
            "-");

    assertThat(run.json().at("/errors/0/file").asText()).isEqualTo("-");
    assertThat(run.exitCode()).isEqualTo(ScanCommand.INPUT_ERROR);
  }
}
