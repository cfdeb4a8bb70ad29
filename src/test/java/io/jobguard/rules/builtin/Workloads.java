package io.jobguard.rules.builtin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.jobguard.model.Workload;
import io.jobguard.model.WorkloadReader;

/** Builds a workload from an inline YAML manifest, for rule unit tests. */
final class Workloads {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private Workloads() {}

  static Workload fromYaml(String manifest) {
    try {
      return WorkloadReader.read(YAML.readTree(manifest)).orElseThrow();
    } catch (Exception e) {
      throw new IllegalArgumentException("bad test manifest: " + e.getMessage(), e);
    }
  }
}
