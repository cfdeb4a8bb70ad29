package io.jobguard.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Builds the JSON tree of a composed YAML document directly, skipping the detour through Java maps
 * and lists, for the documents where that detour provably changes nothing: a mapping at the root,
 * only plain mappings with string keys and no duplicates, sequences, and scalars of the core tags,
 * and no anchor, alias or merge key anywhere. Anything else (or any failure) yields empty, and the
 * caller takes the general path, which also produces every error message.
 *
 * <p>Scalars are still constructed by SnakeYAML's own constructors, so YAML 1.1 values ({@code
 * yes}, {@code 0777}, {@code 1_000}, {@code .inf}) read exactly as before.
 */
final class PlainYamlTree {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Set<Tag> SCALAR_TAGS =
      Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.TIMESTAMP);

  private final Function<ScalarNode, Object> scalars;
  private final long maxNodes;
  private long nodes;

  private PlainYamlTree(Function<ScalarNode, Object> scalars, long maxNodes) {
    this.scalars = scalars;
    this.maxNodes = maxNodes;
  }

  /**
   * The tree of {@code root}, or empty when the document needs the general path.
   *
   * @param scalars SnakeYAML's construction of one scalar node
   * @param maxNodes larger documents take the general path, which rejects them
   */
  static Optional<JsonNode> of(Node root, Function<ScalarNode, Object> scalars, long maxNodes) {
    if (!(root instanceof MappingNode)) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(new PlainYamlTree(scalars, maxNodes).build(root));
    } catch (RuntimeException e) {
      return Optional.empty(); // the general path reports it, with its own message and line
    }
  }

  /** The node's tree, or null when the document is not plain. */
  private JsonNode build(Node node) {
    if (node.getAnchor() != null || ++nodes > maxNodes) {
      return null;
    }
    if (node instanceof MappingNode mapping) {
      return Tag.MAP.equals(mapping.getTag()) && !mapping.isMerged() ? object(mapping) : null;
    }
    if (node instanceof SequenceNode sequence) {
      return Tag.SEQ.equals(sequence.getTag()) ? array(sequence) : null;
    }
    return node instanceof ScalarNode scalar && SCALAR_TAGS.contains(scalar.getTag())
        ? scalar(scalars.apply(scalar))
        : null;
  }

  private ObjectNode object(MappingNode mapping) {
    ObjectNode object = NODES.objectNode();
    for (NodeTuple tuple : mapping.getValue()) {
      if (!(tuple.getKeyNode() instanceof ScalarNode key)
          || !Tag.STR.equals(key.getTag())
          || key.getAnchor() != null
          || ++nodes > maxNodes) {
        return null;
      }
      JsonNode value = build(tuple.getValueNode());
      // A duplicate key is an error the general path words.
      if (value == null || object.replace(key.getValue(), value) != null) {
        return null;
      }
    }
    return object;
  }

  private ArrayNode array(SequenceNode sequence) {
    ArrayNode array = NODES.arrayNode(sequence.getValue().size());
    for (Node item : sequence.getValue()) {
      JsonNode value = build(item);
      if (value == null) {
        return null;
      }
      array.add(value);
    }
    return array;
  }

  /** The node Jackson's {@code valueToTree} makes of each value SnakeYAML constructs for them. */
  private static JsonNode scalar(Object value) {
    if (value == null) {
      return NODES.nullNode();
    }
    if (value instanceof String text) {
      return NODES.textNode(text);
    }
    if (value instanceof Boolean bool) {
      return NODES.booleanNode(bool);
    }
    if (value instanceof Integer number) {
      return NODES.numberNode(number.intValue());
    }
    if (value instanceof Long number) {
      return NODES.numberNode(number.longValue());
    }
    if (value instanceof BigInteger number) {
      return NODES.numberNode(number);
    }
    if (value instanceof Double number) {
      return NODES.numberNode(number.doubleValue());
    }
    return null;
  }
}
