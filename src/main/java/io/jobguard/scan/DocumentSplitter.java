package io.jobguard.scan;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits a YAML stream into its documents at {@code ---} markers, keeping each document's first
 * line, so one malformed document is reported with its own index and line and does not stop the
 * documents after it.
 */
final class DocumentSplitter {
  /** A document start marker: {@code ---} at column 0, alone or followed by a space and content. */
  private static final Pattern START = Pattern.compile("^---(?:[ \\t].*)?$");

  /** A document end marker, which YAML allows before the next directive or document. */
  private static final Pattern END = Pattern.compile("^\\.\\.\\.(?:[ \\t].*)?$");

  private DocumentSplitter() {}

  /**
   * One document of a stream.
   *
   * @param index position in the stream, counting from 0
   * @param firstLine 1-based line of the stream where the document's text starts
   * @param text the document's text; lines before {@code firstLine} are not included
   */
  record RawDocument(int index, int firstLine, String text) {}

  static List<RawDocument> split(String stream) {
    List<RawDocument> documents = new ArrayList<>();
    List<String> lines = lines(stream);
    StringBuilder current = new StringBuilder();
    int firstLine = 1;
    boolean explicitStart = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      // Only a line starting with the marker's characters can be one: skip the regex otherwise.
      if (line.startsWith("---") && START.matcher(line).matches()) {
        addIfPresent(documents, firstLine, current, explicitStart);
        current = new StringBuilder();
        // Keep "--- {...}" content on the marker line: it belongs to the new document.
        current.append(line).append('\n');
        firstLine = i + 1;
        explicitStart = true;
      } else if (line.startsWith("...") && END.matcher(line).matches()) {
        addIfPresent(documents, firstLine, current, explicitStart);
        current = new StringBuilder();
        firstLine = i + 2;
        explicitStart = false;
      } else {
        current.append(line).append('\n');
      }
    }
    addIfPresent(documents, firstLine, current, explicitStart);
    List<RawDocument> indexed = new ArrayList<>();
    for (RawDocument d : documents) {
      indexed.add(new RawDocument(indexed.size(), d.firstLine(), d.text()));
    }
    return indexed;
  }

  /** The stream's lines, split at {@code \n} or {@code \r\n} as {@code split("\r?\n", -1)} does. */
  static List<String> lines(String stream) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    for (int end = stream.indexOf('\n'); end >= 0; end = stream.indexOf('\n', start)) {
      int cut = end > start && stream.charAt(end - 1) == '\r' ? end - 1 : end;
      lines.add(stream.substring(start, cut));
      start = end + 1;
    }
    lines.add(stream.substring(start));
    return lines;
  }

  /**
   * A stream's text before its first marker is a document only when it has content: a leading
   * comment block followed by {@code ---} is not an extra (empty) document.
   */
  private static void addIfPresent(
      List<RawDocument> documents, int firstLine, StringBuilder text, boolean explicitStart) {
    if (explicitStart || hasContent(text)) {
      documents.add(new RawDocument(-1, firstLine, text.toString()));
    }
  }

  private static boolean hasContent(CharSequence text) {
    for (String line : text.toString().split("\n")) {
      String trimmed = line.strip();
      if (!trimmed.isEmpty() && !trimmed.startsWith("#") && !trimmed.startsWith("%")) {
        return true;
      }
    }
    return false;
  }
}
