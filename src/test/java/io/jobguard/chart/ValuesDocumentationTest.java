package io.jobguard.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every value the schema allows is documented, and values.yaml sets only what the schema allows.
 */
class ValuesDocumentationTest {
  private static final Path SCHEMA = ChartRenderer.CHART.resolve("values.schema.json");
  private static final Path VALUES = ChartRenderer.CHART.resolve("values.yaml");
  private static final Path DOC = Path.of("docs", "configuration.md");

  @Test
  void configurationReferenceNamesEveryValue() throws IOException {
    String doc = Files.readString(DOC);
    List<String> paths = new ArrayList<>();
    collect(new ObjectMapper().readTree(SCHEMA.toFile()), "", paths);
    assertThat(paths).hasSizeGreaterThan(20);
    assertThat(paths).allSatisfy(path -> assertThat(doc).contains("`" + path + "`"));
  }

  @Test
  void valuesFileSetsEveryClosedSchemaProperty() throws IOException {
    JsonNode values = new ObjectMapper(new YAMLFactory()).readTree(VALUES.toFile());
    List<String> paths = new ArrayList<>();
    collect(new ObjectMapper().readTree(SCHEMA.toFile()), "", paths);
    assertThat(paths)
        .allSatisfy(
            path ->
                assertThat(values.at("/" + path.replace('.', '/')).isMissingNode())
                    .as("values.yaml lacks %s", path)
                    .isFalse());
  }

  /** Leaf paths of the schema; objects with open contents (resources, labels) are leaves. */
  private static void collect(JsonNode schema, String prefix, List<String> paths) {
    JsonNode properties = schema.path("properties");
    boolean closed = schema.path("additionalProperties").isBoolean();
    if (!properties.isObject() || !closed) {
      paths.add(prefix);
      return;
    }
    properties
        .fields()
        .forEachRemaining(
            e ->
                collect(
                    e.getValue(),
                    prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(),
                    paths));
  }
}
