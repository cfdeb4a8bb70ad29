package io.jobguard.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobguard.bench.ManifestGenerator;
import io.jobguard.scan.DocumentSplitter.RawDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The plain path ({@link PlainYamlTree}, {@link PlainLines}) must give exactly what the general
 * path gives: the same tree (same node types: an int stays an int), the same line for every field
 * and for fields a rule may name that are absent, and the same error.
 */
class PlainYamlPathTest {
  private static final YamlDocumentParser PARSER = new YamlDocumentParser(ScanLimits.DEFAULT);

  /** YAML 1.1 scalars as kubectl reads them, keys that collide as paths, block and flow styles. */
  private static final String SCALARS =
      """
      apiVersion: v1
      kind: Pod
      metadata: {name: scalars, labels: {quoted: "yes"}}
      values:
        bools: [yes, no, on, off, y, n, true, False, TRUE, Yes]
        ints: [0777, 0x1F, 0b101, 1_000, -42, +7, 190:20:30, 12345678901, 123456789012345678901234567890]
        floats: [1.5, .inf, -.Inf, .nan, 6.8523015e+5, 685.230_15e+03, 190:20:30.15, 1e3, -0.0]
        nulls: [~, null, Null, "", ]
        stamps: [2001-12-14t21:59:43.10-05:00, 2002-12-14, 2001-12-14 21:59:43.10 -5]
        strings: [!!str 123, "quoted", 'single', plain text, "0777", 'on']
        explicit: [!!int "42", !!float "1", !!bool "yes", !!null "", !!str yes, !!timestamp 2002-12-14]
        "": empty key
        "a.b": dotted first
        a: {b: nested second}
        "x[0]": bracketed
        x: [listed]
        block: |
          multi
          line
        folded: >
          folded
          text
      """;

  @Test
  void scalarsReadTheSameOnBothPaths() throws Exception {
    assertPlain(SCALARS);
    assertSame(raw(SCALARS));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "apiVersion: v1\nkind: Pod\nbase: &b {privileged: true}\nsc: {<<: *b}\n",
        "apiVersion: v1\nkind: Pod\nx: &a [1]\ny: *a\n",
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  name: b\n",
        "apiVersion: v1\nkind: Pod\ndata: !!binary aGVsbG8=\n",
        "apiVersion: v1\nkind: Pod\nset: !!set {a, b}\n",
        "apiVersion: v1\nkind: Pod\n1: one\n",
        "apiVersion: v1\nkind: Pod\nyes: bool key\n",
        "apiVersion: v1\nkind: Pod\n~: null key\n",
        "apiVersion: v1\nkind: Pod\nx: &unused 1\n",
        "apiVersion: v1\nkind: Pod\nx: !!seq {a: 1}\n",
        "",
        "# only a comment\n",
        "apiVersion: v1\nkind: Pod\n[a, b]: sequence key\n",
        "apiVersion: v1\nkind: Pod\nx: !custom tagged\n",
        "- a\n- sequence\n",
        "just a scalar\n",
        "~\n",
      })
  void documentsThatAreNotPlainTakeTheGeneralPath(String text) throws Exception {
    assertThat(plainTree(text)).isEmpty();
    assertSame(raw(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "apiVersion: v1\nkind: Pod\nx: !!int notanumber\n",
        "apiVersion: v1\nkind: Pod\nx: !!float abc\n",
        "apiVersion: v1\nkind: Pod\nx: [unclosed\n",
      })
  void scalarsThatCannotBeConstructedFailTheSameOnBothPaths(String text) {
    assertThat(Outcome.of(() -> PARSER.parse(raw(text), true)).error()).isNotNull();
    assertSame(raw(text));
  }

  @Test
  void documentsOverTheNodeLimitTakeTheGeneralPathAndAreRejected() {
    YamlDocumentParser small = new YamlDocumentParser(new ScanLimits(1 << 20, 100, 50, 10));
    String text = "apiVersion: v1\nkind: Pod\nitems: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\n";

    Outcome plain = Outcome.of(() -> small.parse(raw(text), true));

    assertThat(plain).isEqualTo(Outcome.of(() -> small.parse(raw(text), false)));
    assertThat(plain.error()).contains("more than 10 nodes");
  }

  @Test
  void documentsNestedBeyondTheLimitTakeTheGeneralPathAndAreRejected() {
    YamlDocumentParser shallow = new YamlDocumentParser(new ScanLimits(1 << 20, 5, 50, 10_000));
    String text = "apiVersion: v1\nkind: Pod\nx: {a: {b: {c: {d: {e: {f: [[1]]}}}}}}\n";

    Outcome plain = Outcome.of(() -> shallow.parse(raw(text), true));

    assertThat(plain).isEqualTo(Outcome.of(() -> shallow.parse(raw(text), false)));
    assertThat(plain.error()).containsIgnoringCase("nesting");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "apiVersion: v1\nkind: Pod\n=: value key\n",
        "--- !!map\napiVersion: v1\nkind: Pod\nx: !!seq [1]\ny: !!map {a: 1}\n",
        "%YAML 1.1\n---\napiVersion: v1\nkind: Pod\nx: !!str 1\n",
        "apiVersion: v1\nkind: Pod\n? complex\n: key\n",
      })
  void unusualButPlainDocumentsReadTheSameOnBothPaths(String text) {
    assertSame(raw(text));
  }

  @Test
  void everyRuleFixtureAndScanResourceReadsTheSameOnBothPaths() throws IOException {
    int plain = 0;
    for (Path file : yamlFilesUnder(Path.of("src/test/resources"))) {
      for (RawDocument raw : DocumentSplitter.split(Files.readString(file))) {
        assertSame(raw);
        plain += isPlain(raw.text()) ? 1 : 0;
      }
    }
    assertThat(plain).as("documents that took the plain path").isGreaterThan(100);
  }

  @Test
  void generatedManifestsAreAllPlainAndReadTheSame() throws Exception {
    for (int i = 0; i < 60; i++) {
      String text = ManifestGenerator.manifest(i);
      assertPlain(text);
      assertSame(new RawDocument(0, 1 + i, text));
    }
  }

  private static void assertPlain(String text) {
    assertThat(isPlain(text)).as(text).isTrue();
  }

  private static boolean isPlain(String text) {
    try {
      return plainTree(text).isPresent();
    } catch (RuntimeException e) {
      return false; // not composable at all: the general path's error is compared elsewhere
    }
  }

  /** Same tree, same error, and the same line for every field, absent fields and parents too. */
  private static void assertSame(RawDocument raw) {
    Outcome plain = Outcome.of(() -> PARSER.parse(raw, true));
    Outcome general = Outcome.of(() -> PARSER.parse(raw, false));
    assertThat(plain).as(raw.text()).isEqualTo(general);
  }

  private static Optional<PlainYamlTree.Plain> plainTree(String text) {
    LoaderOptions options = new LoaderOptions();
    return PlainYamlTree.of(
        new ParserImpl(new StreamReader(text), options),
        new Resolver(),
        s -> s.getValue(),
        Long.MAX_VALUE,
        options.getNestingDepthLimit());
  }

  private static RawDocument raw(String text) {
    return new RawDocument(0, 3, text);
  }

  private static List<Path> yamlFilesUnder(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
          .sorted()
          .toList();
    }
  }

  /** What a parse gave: the tree and each probed path's line, or the error and its line. */
  private record Outcome(JsonNode root, List<String> lines, String error) {
    interface Parse {
      ParsedDocument run() throws DocumentParseException;
    }

    static Outcome of(Parse parse) {
      try {
        ParsedDocument document = parse.run();
        return new Outcome(document.root(), linesOf(document), null);
      } catch (DocumentParseException e) {
        return new Outcome(null, List.of(), e.line() + ": " + e.getMessage());
      }
    }

    private static List<String> linesOf(ParsedDocument document) {
      List<String> lines = new ArrayList<>();
      if (document.root() == null) {
        return lines;
      }
      List<String> paths = new ArrayList<>();
      collectPaths(document.root(), "", paths);
      for (String path : paths) {
        for (String probe :
            List.of(path, FieldLines.join(path, "absent"), FieldLines.index(path, 99))) {
          lines.add(probe + "=" + document.lines().lineOf("", probe));
        }
        lines.add("in " + path + "=" + document.lines().lineOf(path, "securityContext"));
      }
      return lines;
    }

    private static void collectPaths(JsonNode node, String path, List<String> out) {
      out.add(path);
      if (node.isObject()) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> field = it.next();
          collectPaths(field.getValue(), FieldLines.join(path, field.getKey()), out);
        }
      } else if (node.isArray()) {
        for (int i = 0; i < node.size(); i++) {
          collectPaths(node.get(i), FieldLines.index(path, i), out);
        }
      }
    }
  }
}
