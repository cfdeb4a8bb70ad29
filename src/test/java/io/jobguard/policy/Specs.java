package io.jobguard.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.jobguard.model.Workload;
import io.jobguard.rules.Detection;
import io.jobguard.rules.RuleCatalogue;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** Policy specs written as YAML in tests, and a compact view of what a policy decides. */
final class Specs {
  static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private Specs() {}

  static DetectionPolicySpec spec(String yaml) {
    try {
      return YAML.readValue(yaml, DetectionPolicySpec.class);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static EffectivePolicy policy(String yaml) throws PolicyValidationException {
    return EffectivePolicy.from(spec(yaml), TestRules.small());
  }

  static EffectivePolicy policy(String yaml, RuleCatalogue catalogue)
      throws PolicyValidationException {
    return EffectivePolicy.from(spec(yaml), catalogue);
  }

  /** Rule id to the exception that suppresses it, or "active"; one entry per rule that fired. */
  static Map<String, String> outcome(EffectivePolicy policy, Workload workload) {
    return outcome(policy, workload, NOW);
  }

  static Map<String, String> outcome(EffectivePolicy policy, Workload workload, Instant now) {
    Map<String, String> outcome = new TreeMap<>();
    for (Detection d : policy.evaluate(workload, now)) {
      outcome.put(d.ruleId(), d.suppressed() ? d.suppressedBy() : "active");
    }
    return outcome;
  }
}
