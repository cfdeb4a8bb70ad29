package io.jobguard.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jobguard.scan.DocumentSplitter.RawDocument;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Parses one YAML document the way kubectl reads it: YAML 1.1 scalars ({@code yes} is true),
 * anchors, aliases and {@code <<} merge keys resolved. Jackson's own YAML parser does not resolve
 * aliases or merge keys, so a {@code securityContext: {<<: *privileged}} would silently read as
 * nothing; SnakeYAML's composer and safe constructor are used instead, with its node marks giving
 * each field's line.
 */
final class YamlDocumentParser {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final ScanLimits limits;
  private final LoaderOptions options;
  private final Resolver resolver = new RememberingResolver();
  private final ManifestConstructor scalars;

  /** One parser serves one thread: it reuses SnakeYAML's resolver and constructor per document. */
  YamlDocumentParser(ScanLimits limits) {
    this.limits = limits;
    this.options = loaderOptions(limits);
    this.scalars = new ManifestConstructor(options);
  }

  ParsedDocument parse(RawDocument raw) throws DocumentParseException {
    return parse(raw, true);
  }

  /**
   * @param plainWhenPossible false takes the general path for every document, which tests hold the
   *     plain path's results against
   */
  ParsedDocument parse(RawDocument raw, boolean plainWhenPossible) throws DocumentParseException {
    if (plainWhenPossible) {
      Optional<PlainYamlTree.Plain> plain =
          PlainYamlTree.of(
              events(raw),
              resolver,
              scalars::scalar,
              limits.maxNodes(),
              options.getNestingDepthLimit());
      if (plain.isPresent()) {
        PlainLines lines = new PlainLines(plain.get(), raw.firstLine());
        return new ParsedDocument(
            raw.index(), plain.get().root(), FieldLines.lookingUp(lines::find));
      }
    }
    Node node = compose(raw);
    if (node == null) {
      return new ParsedDocument(raw.index(), null, new FieldLines());
    }
    checkExpandedSize(node, raw);
    // Only documents with anchors, aliases, merge keys or unusual tags come here: few enough to
    // record every line up front.
    FieldLines lines = new FieldLines();
    recordLines(node, "", raw, lines, Collections.newSetFromMap(new IdentityHashMap<>()));
    return new ParsedDocument(
        raw.index(), toTree(new ManifestConstructor(options), node, raw), lines);
  }

  private ParserImpl events(RawDocument raw) {
    return new ParserImpl(new StreamReader(raw.text()), options);
  }

  private Node compose(RawDocument raw) throws DocumentParseException {
    try {
      return new Composer(events(raw), resolver, options).getSingleNode();
    } catch (MarkedYAMLException e) {
      throw new DocumentParseException(describe(e), lineOf(raw, e.getProblemMark()));
    } catch (YAMLException e) {
      throw new DocumentParseException(e.getMessage(), raw.firstLine());
    }
  }

  private static LoaderOptions loaderOptions(ScanLimits limits) {
    LoaderOptions options = new LoaderOptions();
    // kubectl rejects duplicate keys too; accepting them would let "privileged: false" shadow an
    // earlier "privileged: true" differently in each tool.
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(limits.maxAliases());
    options.setNestingDepthLimit(limits.maxNestingDepth());
    options.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, limits.maxFileBytes()));
    return options;
  }

  private static JsonNode toTree(ManifestConstructor constructor, Node node, RawDocument raw)
      throws DocumentParseException {
    try {
      return MAPPER.valueToTree(constructor.construct(node));
    } catch (MarkedYAMLException e) {
      throw new DocumentParseException(describe(e), lineOf(raw, e.getProblemMark()));
    } catch (YAMLException | IllegalArgumentException e) {
      throw new DocumentParseException(e.getMessage(), lineOf(raw, node.getStartMark()));
    } catch (ClassCastException e) {
      // SnakeYAML's constructors cast the node an explicit tag names: "x: !!seq {a: 1}"
      throw new DocumentParseException(
          "an explicit tag does not fit its node (a !!seq or !!set on a mapping, a !!map on a"
              + " sequence?)",
          lineOf(raw, node.getStartMark()));
    }
  }

  /**
   * Rejects alias bombs before anything expands them: the expanded size is counted over the node
   * graph with each shared node counted once per use but computed once, so the check itself is
   * linear in the document's text.
   */
  private void checkExpandedSize(Node root, RawDocument raw) throws DocumentParseException {
    long size = expandedSize(root, new IdentityHashMap<>(), raw);
    if (size > limits.maxNodes()) {
      throw new DocumentParseException(
          "document expands to more than "
              + limits.maxNodes()
              + " nodes through YAML aliases (an alias bomb?)",
          lineOf(raw, root.getStartMark()));
    }
  }

  private long expandedSize(Node node, Map<Node, Long> memo, RawDocument raw)
      throws DocumentParseException {
    Long known = memo.get(node);
    if (known != null) {
      if (known < 0) {
        throw new DocumentParseException("recursive YAML alias", lineOf(raw, node.getStartMark()));
      }
      return known;
    }
    memo.put(node, -1L);
    long size = 1;
    if (node instanceof MappingNode mapping) {
      for (NodeTuple t : mapping.getValue()) {
        size += expandedSize(t.getKeyNode(), memo, raw) + expandedSize(t.getValueNode(), memo, raw);
        size = Math.min(size, limits.maxNodes() + 1);
      }
    } else if (node instanceof SequenceNode sequence) {
      for (Node item : sequence.getValue()) {
        size = Math.min(size + expandedSize(item, memo, raw), limits.maxNodes() + 1);
      }
    }
    memo.put(node, size);
    return size;
  }

  private static void recordLines(
      Node node, String path, RawDocument raw, FieldLines lines, Set<Node> visited) {
    if (!visited.add(node)) {
      return; // an alias: its fields are reported at the anchor's lines via the parent
    }
    lines.record(path, lineOf(raw, node.getStartMark()));
    if (node instanceof MappingNode mapping) {
      for (NodeTuple t : mapping.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode key && !Tag.MERGE.equals(key.getTag())) {
          String child = FieldLines.join(path, key.getValue());
          lines.record(child, lineOf(raw, key.getStartMark()));
          recordLines(t.getValueNode(), child, raw, lines, visited);
        }
      }
    } else if (node instanceof SequenceNode sequence) {
      int i = 0;
      for (Node item : sequence.getValue()) {
        recordLines(item, FieldLines.index(path, i++), raw, lines, visited);
      }
    }
  }

  private static int lineOf(RawDocument raw, Mark mark) {
    return mark == null ? raw.firstLine() : raw.firstLine() + mark.getLine();
  }

  private static String describe(MarkedYAMLException e) {
    String problem = e.getProblem() == null ? e.getMessage() : e.getProblem();
    String context = e.getContext();
    return context == null ? problem : context + ": " + problem;
  }

  /**
   * The safe constructor (no arbitrary types), reading timestamps as the strings Kubernetes keeps
   * them as rather than as {@link java.util.Date}.
   */
  private static final class ManifestConstructor extends SafeConstructor {
    ManifestConstructor(LoaderOptions options) {
      super(options);
      // What the Yaml facade copies from the options; this parser composes without it.
      setAllowDuplicateKeys(options.isAllowDuplicateKeys());
      setWarnOnDuplicateKeys(options.isWarnOnDuplicateKeys());
      setWrappedToRootException(options.isWrappedToRootException());
      yamlConstructors.put(Tag.TIMESTAMP, new ConstructYamlStr());
    }

    Object construct(Node node) {
      return constructDocument(node);
    }

    /** One scalar, by the constructor its tag selects; scalars keep no constructor state. */
    Object scalar(ScalarNode node) {
      return getConstructor(node).construct(node);
    }
  }
}
