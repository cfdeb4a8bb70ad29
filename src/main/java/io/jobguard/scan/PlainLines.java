package io.jobguard.scan;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Finds the line of one field path in a plain document (see {@link PlainYamlTree}: a tree, no
 * anchors, aliases or merge keys) by walking only the branches whose path is a prefix of it,
 * instead of recording every field's path up front. A scan asks for a handful of lines per object
 * with findings, while a manifest has hundreds of fields.
 *
 * <p>The answer is the one the recorded map of {@code YamlDocumentParser} gives: the first node in
 * document order whose path is {@code target}, a mapping entry counting with its key's line. Paths
 * only grow towards the leaves, so a branch whose path is not a prefix of {@code target} cannot
 * hold it. The lines come from the parser's events, one per entry in document order (the root,
 * every key, every sequence item), and the tree keeps document order, so a walk in that order meets
 * the entries in the order their lines were recorded.
 */
final class PlainLines {
  private final JsonNode root;
  private final int[] lines;
  private final int firstLine;
  private int entry;

  /**
   * @param plain a plain document's tree and entry lines
   * @param firstLine line of the stream where the document's text starts
   */
  PlainLines(PlainYamlTree.Plain plain, int firstLine) {
    this.root = plain.root();
    this.lines = plain.lines();
    this.firstLine = firstLine;
  }

  /** The line of the field at {@code target}, or null when the document has no such field. */
  Integer find(String target) {
    entry = 0;
    if (target.isEmpty()) {
      return lineOf(entry);
    }
    return find(root, "", target);
  }

  /** Looks inside {@code node}, whose own entry has been passed. */
  private Integer find(JsonNode node, String path, String target) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        String child = FieldLines.join(path, field.getKey());
        Integer line = entry(field.getValue(), child, target);
        if (line != null) {
          return line;
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        Integer line = entry(node.get(i), FieldLines.index(path, i), target);
        if (line != null) {
          return line;
        }
      }
    }
    return null;
  }

  /** One entry (a key with its value, or a sequence item) at {@code path}. */
  private Integer entry(JsonNode value, String path, String target) {
    int own = ++entry;
    if (path.equals(target)) {
      return lineOf(own);
    }
    if (target.startsWith(path)) {
      return find(value, path, target);
    }
    entry += entriesIn(value);
    return null;
  }

  private static int entriesIn(JsonNode node) {
    int count = 0;
    if (node.isContainerNode()) {
      for (JsonNode child : node) {
        count += 1 + entriesIn(child);
      }
    }
    return count;
  }

  private int lineOf(int index) {
    return firstLine + lines[index];
  }
}
