package io.jobguard.scan;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * Parses a JSON manifest with Jackson's streaming parser, building the tree and the line of each
 * field in one pass. JSON is not split at {@code ---}: a file holds one value (kubectl accepts one
 * object or a List).
 */
final class JsonDocumentParser {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final JsonFactory factory;

  JsonDocumentParser(ScanLimits limits) {
    this.factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(limits.maxNestingDepth())
                    .maxDocumentLength(limits.maxFileBytes())
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
  }

  ParsedDocument parse(String text) throws DocumentParseException {
    FieldLines lines = new FieldLines();
    try (JsonParser parser = factory.createParser(text)) {
      if (parser.nextToken() == null) {
        return new ParsedDocument(0, null, lines);
      }
      JsonNode root = read(parser, "", lines);
      if (parser.nextToken() != null) {
        throw new DocumentParseException(
            "unexpected content after the first JSON value (one object or a List per file)",
            lineOf(parser));
      }
      return new ParsedDocument(0, root, lines);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
      throw new DocumentParseException(e.getOriginalMessage(), line);
    } catch (IOException e) {
      throw new DocumentParseException(e.getMessage(), 1);
    }
  }

  private static JsonNode read(JsonParser parser, String path, FieldLines lines)
      throws IOException {
    lines.record(path, lineOf(parser));
    JsonToken token = parser.currentToken();
    if (token == JsonToken.START_OBJECT) {
      ObjectNode object = NODES.objectNode();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String child = FieldLines.join(path, parser.currentName());
        String name = parser.currentName();
        lines.record(child, lineOf(parser));
        parser.nextToken();
        object.set(name, read(parser, child, lines));
      }
      return object;
    }
    if (token == JsonToken.START_ARRAY) {
      ArrayNode array = NODES.arrayNode();
      int i = 0;
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        array.add(read(parser, FieldLines.index(path, i++), lines));
      }
      return array;
    }
    return scalar(parser, token);
  }

  private static JsonNode scalar(JsonParser parser, JsonToken token) throws IOException {
    return switch (token) {
      case VALUE_STRING -> NODES.textNode(parser.getText());
      case VALUE_NUMBER_INT -> NODES.numberNode(parser.getBigIntegerValue());
      case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDecimalValue());
      case VALUE_TRUE -> NODES.booleanNode(true);
      case VALUE_FALSE -> NODES.booleanNode(false);
      default -> NODES.nullNode();
    };
  }

  private static int lineOf(JsonParser parser) {
    return Math.max(1, parser.currentTokenLocation().getLineNr());
  }
}
