package io.jobguard.policy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Reads a DetectionPolicy manifest from a file, as {@code scan --policy FILE} does. */
public final class PolicyFiles {
  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private PolicyFiles() {}

  /** The spec of the DetectionPolicy in {@code file} (YAML or JSON). */
  public static DetectionPolicySpec readSpec(Path file)
      throws IOException, PolicyValidationException {
    JsonNode root = YAML.readTree(file.toFile());
    if (root == null || !"DetectionPolicy".equals(root.path("kind").asText())) {
      throw new PolicyValidationException(
          List.of(file + ": kind must be DetectionPolicy (apiVersion jobguard.io/v1alpha1)"));
    }
    return YAML.treeToValue(root.path("spec"), DetectionPolicySpec.class);
  }

  /** The effective policy of the DetectionPolicy in {@code file}. */
  public static EffectivePolicy load(Path file) throws IOException, PolicyValidationException {
    return EffectivePolicy.from(readSpec(file));
  }
}
