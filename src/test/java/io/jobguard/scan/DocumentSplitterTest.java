package io.jobguard.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobguard.scan.DocumentSplitter.RawDocument;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentSplitterTest {

  @Test
  void splitsAtMarkersKeepingFirstLines() {
    List<RawDocument> docs = DocumentSplitter.split("a: 1\n---\nb: 2\n--- {c: 3}\n...\nd: 4\n");

    assertThat(docs)
        .extracting(RawDocument::index, RawDocument::firstLine)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(0, 1),
            org.assertj.core.groups.Tuple.tuple(1, 2),
            org.assertj.core.groups.Tuple.tuple(2, 4),
            org.assertj.core.groups.Tuple.tuple(3, 6));
    assertThat(docs.get(2).text()).startsWith("--- {c: 3}");
  }

  @Test
  void leadingCommentsAreNotADocumentButEmptyExplicitDocumentsCount() {
    List<RawDocument> docs = DocumentSplitter.split("# Source: x\n---\n---\nkind: Pod\n");

    assertThat(docs).extracting(RawDocument::firstLine).containsExactly(2, 3);
  }

  @Test
  void markersInsideValuesDoNotSplit() {
    List<RawDocument> docs = DocumentSplitter.split("args:\n  - \"---\"\n  - ---x\nb: '---'\n");

    assertThat(docs).hasSize(1);
  }

  @Test
  void windowsLineEndings() {
    assertThat(DocumentSplitter.split("a: 1\r\n---\r\nb: 2\r\n")).hasSize(2);
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {"", "\n", "a", "a\n", "a\r\nb", "a\r\r\nb\r", "\r\n\r\n", "a\rb\n\n", "x\r"})
  void linesAreCutAsTheCrLfRegexCutsThem(String text) {
    assertThat(DocumentSplitter.lines(text)).containsExactly(text.split("\r?\n", -1));
  }
}
