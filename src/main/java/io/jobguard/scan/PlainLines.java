package io.jobguard.scan;

import java.util.function.Supplier;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Finds the line of one field path in a plain document (see {@link PlainYamlTree}: a tree, no
 * anchors, aliases or merge keys) by walking only the branches whose path is a prefix of it,
 * instead of recording every field's line up front. A scan asks for a handful of lines per object,
 * while a manifest has hundreds of fields.
 *
 * <p>The answer is the one the recorded map of {@code YamlDocumentParser} gives: the first node in
 * document order whose path is {@code target}, a mapping entry counting with its key's line. Paths
 * only grow towards the leaves, so a branch whose path is not a prefix of {@code target} cannot
 * hold it.
 */
final class PlainLines {
  private final Supplier<Node> composer;
  private final int firstLine;
  private Node root;

  /**
   * @param composer composes a plain document's root; asked once, on the first look-up, because
   *     most documents of a scan have no finding and never need a line
   * @param firstLine line of the stream where the document's text starts
   */
  PlainLines(Supplier<Node> composer, int firstLine) {
    this.composer = composer;
    this.firstLine = firstLine;
  }

  /** The line of the field at {@code target}, or null when the document has no such field. */
  Integer find(String target) {
    if (root == null) {
      root = composer.get();
    }
    return find(root, "", target);
  }

  private Integer find(Node node, String path, String target) {
    if (path.equals(target)) {
      return lineOf(node);
    }
    if (node instanceof MappingNode mapping) {
      for (NodeTuple tuple : mapping.getValue()) {
        String child = FieldLines.join(path, ((ScalarNode) tuple.getKeyNode()).getValue());
        if (child.equals(target)) {
          return lineOf(tuple.getKeyNode());
        }
        Integer line = target.startsWith(child) ? find(tuple.getValueNode(), child, target) : null;
        if (line != null) {
          return line;
        }
      }
    } else if (node instanceof SequenceNode sequence) {
      int i = 0;
      for (Node item : sequence.getValue()) {
        String child = FieldLines.index(path, i++);
        Integer line = target.startsWith(child) ? find(item, child, target) : null;
        if (line != null) {
          return line;
        }
      }
    }
    return null;
  }

  private int lineOf(Node node) {
    Mark mark = node.getStartMark();
    return mark == null ? firstLine : firstLine + mark.getLine();
  }
}
