package io.jobguard.rules.builtin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.jobguard.model.Workload;
import io.jobguard.model.WorkloadReader;

/** Builds a workload from an inline YAML manifest, for rule tests that check exact evidence. */
final class Manifests {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private Manifests() {}

  static Workload workload(String yaml) {
    try {
      return WorkloadReader.read(YAML.readTree(yaml)).orElseThrow();
    } catch (Exception e) {
      throw new IllegalArgumentException("bad test manifest: " + e.getMessage(), e);
    }
  }
}
