package io.jobguard.policy;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.jobguard.rules.RuleCatalogue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Reads DetectionPolicy manifests from a file, as {@code scan --policy FILE} does. A file may hold
 * several policies (multi-document YAML); they merge exactly as the operator merges the policies of
 * a cluster ({@link PolicyMerge}).
 */
public final class PolicyFiles {
  static final String API_VERSION = "jobguard.io/v1alpha1";
  static final String KIND = "DetectionPolicy";

  /*
   * Unknown fields are errors here: a misspelt matcher ("namespace:" for "namespaces:") would
   * otherwise be dropped and turn a narrow exception into a cluster-wide one.
   */
  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private PolicyFiles() {}

  /**
   * The spec of the DetectionPolicy in {@code file} (YAML or JSON), merged when there are several.
   *
   * @throws IOException when the file cannot be read; the message names it
   * @throws PolicyValidationException for syntax errors, wrong kind or apiVersion, and every
   *     problem {@link PolicyValidator} finds; each problem starts with the file name
   */
  public static DetectionPolicySpec readSpec(Path file)
      throws IOException, PolicyValidationException {
    return readSpec(file, RuleCatalogue.builtin());
  }

  /** As {@link #readSpec(Path)}, validating rule ids against {@code catalogue}. */
  public static DetectionPolicySpec readSpec(Path file, RuleCatalogue catalogue)
      throws IOException, PolicyValidationException {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new IOException(file + ": cannot read the policy file: " + e, e);
    }
    List<JsonNode> documents = documents(file, text);
    SortedMap<String, DetectionPolicySpec> byName = new TreeMap<>();
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < documents.size(); i++) {
      String where = documents.size() == 1 ? file.toString() : file + " (document " + i + ")";
      readPolicy(documents.get(i), where, catalogue, byName, problems);
    }
    if (documents.isEmpty()) {
      problems.add(file + ": holds no DetectionPolicy");
    }
    if (!problems.isEmpty()) {
      throw new PolicyValidationException(problems);
    }
    return PolicyMerge.merge(byName);
  }

  /** The effective policy of the DetectionPolicy in {@code file}. */
  public static EffectivePolicy load(Path file) throws IOException, PolicyValidationException {
    return EffectivePolicy.from(readSpec(file));
  }

  private static List<JsonNode> documents(Path file, String text) throws PolicyValidationException {
    List<JsonNode> documents = new ArrayList<>();
    try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(text)) {
      while (it.hasNextValue()) {
        JsonNode node = it.nextValue();
        if (node != null && !node.isNull() && !node.isMissingNode()) {
          documents.add(node);
        }
      }
    } catch (JsonProcessingException e) {
      throw new PolicyValidationException(
          List.of(file + at(e.getLocation()) + ": not valid YAML: " + e.getOriginalMessage()));
    } catch (IOException e) {
      throw new PolicyValidationException(List.of(file + ": cannot parse: " + e.getMessage()));
    }
    return documents;
  }

  private static void readPolicy(
      JsonNode node,
      String where,
      RuleCatalogue catalogue,
      SortedMap<String, DetectionPolicySpec> byName,
      List<String> problems) {
    if (!node.isObject()) {
      problems.add(where + ": a DetectionPolicy must be a mapping");
      return;
    }
    String apiVersion = node.path("apiVersion").asText(null);
    String kind = node.path("kind").asText(null);
    if (!KIND.equals(kind) || !API_VERSION.equals(apiVersion)) {
      problems.add(
          where
              + ": expected apiVersion "
              + API_VERSION
              + " and kind "
              + KIND
              + ", found apiVersion '"
              + apiVersion
              + "' and kind '"
              + kind
              + "'");
      return;
    }
    String name = node.path("metadata").path("name").asText("");
    if (name.isBlank()) {
      problems.add(where + ": metadata.name: required");
      return;
    }
    String named = where + " (DetectionPolicy " + name + ")";
    try {
      DetectionPolicySpec spec =
          node.has("spec")
              ? YAML.treeToValue(node.get("spec"), DetectionPolicySpec.class)
              : new DetectionPolicySpec();
      List<String> found = PolicyValidator.validate(spec, catalogue);
      found.forEach(p -> problems.add(named + ": " + p));
      if (found.isEmpty() && byName.putIfAbsent(name, spec) != null) {
        problems.add(named + ": metadata.name: a second DetectionPolicy named " + name);
      }
    } catch (JsonProcessingException e) {
      problems.add(named + ": " + describe(e));
    }
  }

  private static String describe(JsonProcessingException e) {
    if (e instanceof UnrecognizedPropertyException unknown) {
      return "spec"
          + path(unknown)
          + ": unknown field (expected one of "
          + unknown.getKnownPropertyIds().stream()
              .map(Object::toString)
              .sorted()
              .collect(Collectors.joining(", "))
          + ")";
    }
    if (e instanceof JsonMappingException mapping) {
      return "spec" + path(mapping) + ": " + e.getOriginalMessage();
    }
    return "spec: " + e.getOriginalMessage();
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(
            ref ->
                ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining());
  }

  private static String at(JsonLocation location) {
    return location == null || location.getLineNr() < 0
        ? ""
        : ":" + location.getLineNr() + ":" + location.getColumnNr();
  }
}
