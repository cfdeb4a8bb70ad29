package io.jobguard.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.jobguard.model.ManifestException;
import io.jobguard.model.Workload;
import io.jobguard.model.WorkloadReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Loads the fixture documents of {@code src/test/resources/rules/<id>/}. */
final class RuleFixtures {
  static final Path ROOT = Path.of("src/test/resources/rules");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** One fixture document and the expectations its annotations state. */
  record Document(String file, int index, JsonNode node, Workload workload) {
    String describe() {
      return file + " document " + index + " (" + workload.subject() + ")";
    }

    String expectation(String key) {
      return workload.annotations().get("fixture.jobguard.io/" + key);
    }
  }

  private RuleFixtures() {}

  static Path folder(String ruleId) {
    return ROOT.resolve(ruleId);
  }

  static List<Document> load(Path file) {
    List<Document> documents = new ArrayList<>();
    try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
      int index = 0;
      while (it.hasNext()) {
        JsonNode node = it.next();
        if (node != null && !node.isNull() && !node.isMissingNode()) {
          Workload workload =
              WorkloadReader.read(node)
                  .orElseThrow(() -> new IllegalStateException(file + ": not a workload"));
          documents.add(new Document(file.toString(), index, node, workload));
        }
        index++;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ManifestException e) {
      throw new IllegalStateException(file + ": " + e.getMessage(), e);
    }
    return documents;
  }

  /** The rule context of a fixture folder: {@code context.yaml} when present, else defaults. */
  @SuppressWarnings("unchecked")
  static RuleContext context(String ruleId) {
    Path file = folder(ruleId).resolve("context.yaml");
    if (!Files.exists(file)) {
      return RuleContext.defaults();
    }
    try {
      Map<String, Object> map = YAML.readValue(file.toFile(), Map.class);
      return new RuleContext(
          Profile.parse((String) map.getOrDefault("profile", "baseline")),
          (List<String>) map.getOrDefault("allowedRegistries", List.of()),
          (List<String>) map.getOrDefault("extraSensitivePaths", List.of()),
          List.of());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
