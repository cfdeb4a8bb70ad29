package io.jobguard.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Builds the JSON tree of a YAML document straight from SnakeYAML's parser events, skipping the
 * composed node graph and the detour through Java maps and lists, for the documents where that
 * provably changes nothing: a mapping at the root, only plain mappings with string keys and no
 * duplicates, sequences, and scalars of the core tags, and no anchor, alias or merge key anywhere.
 * Anything else (or any failure) yields empty, and the caller takes the general path, which also
 * produces every error message. Most manifests are plain, and for them the node graph was only ever
 * needed for the lines of the few fields a finding names, which {@link PlainLines} finds by
 * composing the document again on demand.
 *
 * <p>Tags are resolved as SnakeYAML's composer resolves them, and non-string scalars are still
 * constructed by SnakeYAML's own constructors, so YAML 1.1 values ({@code yes}, {@code 0777},
 * {@code 1_000}, {@code .inf}) read exactly as on the general path.
 */
final class PlainYamlTree {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Set<Tag> SCALAR_TAGS =
      Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.TIMESTAMP);

  private final Parser events;
  private final Resolver resolver;
  private final Function<ScalarNode, Object> scalars;
  private final long maxNodes;
  private final int maxDepth;
  private long nodes;
  private int depth;

  /** The line of each entry in document order: the root, every key, every sequence item. */
  private int[] lines = new int[64];

  private int entries;

  private PlainYamlTree(
      Parser events,
      Resolver resolver,
      Function<ScalarNode, Object> scalars,
      long maxNodes,
      int maxDepth) {
    this.events = events;
    this.resolver = resolver;
    this.scalars = scalars;
    this.maxNodes = maxNodes;
    this.maxDepth = maxDepth;
  }

  /**
   * A plain document: its tree and the line of each of its entries, counted from the document's
   * first line (0) in the order {@link PlainLines} walks them.
   */
  record Plain(JsonNode root, int[] lines) {}

  /**
   * The single document {@code events} yield, or empty when it needs the general path.
   *
   * @param resolver the implicit tags of untagged nodes, as the composer would resolve them
   * @param scalars SnakeYAML's construction of one scalar node
   * @param maxNodes larger documents take the general path, which rejects them
   * @param maxDepth more deeply nested documents take the general path, which rejects them
   */
  static Optional<Plain> of(
      Parser events,
      Resolver resolver,
      Function<ScalarNode, Object> scalars,
      long maxNodes,
      int maxDepth) {
    try {
      PlainYamlTree tree = new PlainYamlTree(events, resolver, scalars, maxNodes, maxDepth);
      JsonNode root = tree.document();
      return root == null
          ? Optional.empty()
          : Optional.of(new Plain(root, Arrays.copyOf(tree.lines, tree.entries)));
    } catch (RuntimeException e) {
      return Optional.empty(); // the general path reports it, with its own message and line
    }
  }

  /** The root mapping of a stream of exactly one document, or null. */
  private JsonNode document() {
    events.getEvent(); // stream start
    if (!events.checkEvent(Event.ID.DocumentStart)) {
      return null; // an empty stream: the general path says what that is
    }
    events.getEvent();
    if (!events.checkEvent(Event.ID.MappingStart)) {
      return null;
    }
    recordLineOf(events.peekEvent());
    JsonNode root = value();
    if (root == null || !events.checkEvent(Event.ID.DocumentEnd)) {
      return null;
    }
    events.getEvent();
    return events.checkEvent(Event.ID.StreamEnd) ? root : null;
  }

  /** The node of the next event, or null when it is not plain. */
  private JsonNode value() {
    Event event = events.getEvent();
    if (++nodes > maxNodes) {
      return null;
    }
    if (event instanceof ScalarEvent scalar) {
      return scalar.getAnchor() == null ? scalar(scalar) : null;
    }
    if (event instanceof MappingStartEvent mapping) {
      return isPlain(mapping, NodeId.mapping, Tag.MAP) ? nested(this::object) : null;
    }
    if (event instanceof SequenceStartEvent sequence) {
      return isPlain(sequence, NodeId.sequence, Tag.SEQ) ? nested(this::array) : null;
    }
    return null; // an alias
  }

  private boolean isPlain(CollectionStartEvent start, NodeId kind, Tag plain) {
    return start.getAnchor() == null && plain.equals(tagOf(start, kind));
  }

  /** The composer counts nesting the same way and rejects a document deeper than the limit. */
  private JsonNode nested(Supplier<JsonNode> collection) {
    if (++depth > maxDepth) {
      return null;
    }
    JsonNode node = collection.get();
    depth--;
    return node;
  }

  private ObjectNode object() {
    ObjectNode object = NODES.objectNode();
    while (!events.checkEvent(Event.ID.MappingEnd)) {
      // A merge key ("<<") resolves to its own tag, so it is not a string key either.
      if (!(events.getEvent() instanceof ScalarEvent key)
          || key.getAnchor() != null
          || !Tag.STR.equals(tagOf(key))
          || ++nodes > maxNodes) {
        return null;
      }
      recordLineOf(key);
      JsonNode value = value();
      // A duplicate key is an error the general path words.
      if (value == null || object.replace(key.getValue(), value) != null) {
        return null;
      }
    }
    events.getEvent();
    return object;
  }

  private ArrayNode array() {
    ArrayNode array = NODES.arrayNode();
    while (!events.checkEvent(Event.ID.SequenceEnd)) {
      recordLineOf(events.peekEvent());
      JsonNode value = value();
      if (value == null) {
        return null;
      }
      array.add(value);
    }
    events.getEvent();
    return array;
  }

  private void recordLineOf(Event event) {
    if (entries == lines.length) {
      lines = Arrays.copyOf(lines, entries * 2);
    }
    Mark mark = event.getStartMark();
    lines[entries++] = mark == null ? 0 : mark.getLine();
  }

  private JsonNode scalar(ScalarEvent event) {
    Tag tag = tagOf(event);
    if (Tag.STR.equals(tag)) {
      return NODES.textNode(event.getValue()); // what the string constructor returns
    }
    if (!SCALAR_TAGS.contains(tag)) {
      return null;
    }
    ScalarNode node =
        new ScalarNode(
            tag,
            event.getValue(),
            event.getStartMark(),
            event.getEndMark(),
            event.getScalarStyle());
    return scalar(scalars.apply(node));
  }

  /** The tag the composer gives a scalar: its explicit tag, else the resolver's. */
  private Tag tagOf(ScalarEvent event) {
    String tag = event.getTag();
    return tag == null || tag.equals("!")
        ? resolver.resolve(
            NodeId.scalar, event.getValue(), event.getImplicit().canOmitTagInPlainScalar())
        : new Tag(tag);
  }

  private Tag tagOf(CollectionStartEvent event, NodeId kind) {
    String tag = event.getTag();
    return tag == null || tag.equals("!")
        ? resolver.resolve(kind, null, event.getImplicit())
        : new Tag(tag);
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
