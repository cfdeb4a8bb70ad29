package io.jobguard.scan;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobguard.findings.Truncation;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns inputs into Kubernetes objects: splits YAML streams into documents, parses each on its own
 * (a broken document is an error with its index and line, and the rest are still read), and expands
 * {@code kind: List} and every {@code *List} kind into their items.
 */
final class ManifestLoader {
  private final YamlDocumentParser yaml;
  private final JsonDocumentParser json;
  private final List<ScanError> errors = new ArrayList<>();
  private int skipped;

  ManifestLoader(ScanLimits limits) {
    this(new YamlDocumentParser(limits), limits);
  }

  /**
   * @param yaml a parser of the calling thread's own, kept across batches so that what it remembers
   *     (resolved scalar tags) serves the whole scan
   */
  ManifestLoader(YamlDocumentParser yaml, ScanLimits limits) {
    this.yaml = yaml;
    this.json = new JsonDocumentParser(limits);
  }

  /** The objects of a JSON input: one value per file, so it is never split. */
  List<ManifestObject> loadJson(ManifestSource source) {
    try {
      return objectsOf(source.name(), List.of(json.parse(source.text())));
    } catch (DocumentParseException e) {
      errors.add(new ScanError(source.name(), 0, e.line(), e.getMessage()));
      return List.of();
    }
  }

  /** The objects of some documents of a YAML stream, each parsed on its own. */
  List<ManifestObject> loadYaml(String file, List<DocumentSplitter.RawDocument> documents) {
    List<ParsedDocument> parsed = new ArrayList<>();
    for (DocumentSplitter.RawDocument raw : documents) {
      try {
        parsed.add(yaml.parse(raw));
      } catch (DocumentParseException e) {
        errors.add(new ScanError(file, raw.index(), e.line(), e.getMessage()));
      }
    }
    return objectsOf(file, parsed);
  }

  private List<ManifestObject> objectsOf(String file, List<ParsedDocument> documents) {
    List<ManifestObject> objects = new ArrayList<>();
    for (ParsedDocument document : documents) {
      if (document.root() == null || document.root().isNull()) {
        continue; // an empty document, or one of comments only
      }
      if (document.root().isObject()) {
        collect(file, document, "", document.root(), objects);
      } else {
        errors.add(
            new ScanError(
                file,
                document.index(),
                document.lines().lineOf("", ""),
                "document is not a Kubernetes object (a mapping with apiVersion and kind) but "
                    + describe(document.root())));
      }
    }
    return objects;
  }

  List<ScanError> errors() {
    return errors;
  }

  /** Documents that are data but no Kubernetes object (no apiVersion and no kind), e.g. values. */
  int skipped() {
    return skipped;
  }

  private void collect(
      String file, ParsedDocument document, String path, JsonNode node, List<ManifestObject> out) {
    if (node.isObject() && !node.has("apiVersion") && !node.has("kind")) {
      skipped++;
      return;
    }
    if (isList(node)) {
      JsonNode items = node.get("items");
      for (int i = 0; i < items.size(); i++) {
        collect(
            file, document, FieldLines.index(FieldLines.join(path, "items"), i), items.get(i), out);
      }
      return;
    }
    out.add(new ManifestObject(file, document.index(), path, node, document.lines()));
  }

  private static String describe(JsonNode node) {
    return node.isArray()
        ? "a sequence"
        : "a scalar '" + Truncation.truncate(node.asText(), 40) + "'";
  }

  private static boolean isList(JsonNode node) {
    return node.isObject()
        && node.path("kind").isTextual()
        && node.path("kind").asText().endsWith("List")
        && node.path("items").isArray();
  }
}
