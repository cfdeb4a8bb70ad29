package io.jobguard.api.v1alpha1;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import java.io.IOException;
import java.nio.file.Path;

/** Reads the committed CRDs of {@code crds/}. */
final class CrdFiles {
  static final Path FINDING = Path.of("crds/findings.jobguard.io-v1.yml");
  static final Path DETECTION_POLICY = Path.of("crds/detectionpolicies.jobguard.io-v1.yml");

  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private CrdFiles() {}

  static CustomResourceDefinition read(Path file) throws IOException {
    return YAML.readValue(file.toFile(), CustomResourceDefinition.class);
  }

  static CustomResourceDefinition parse(String yaml) throws IOException {
    return YAML.readValue(yaml, CustomResourceDefinition.class);
  }
}
