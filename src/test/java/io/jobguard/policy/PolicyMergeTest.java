package io.jobguard.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Several policies merge the same way whatever order they arrive in. */
class PolicyMergeTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String TEAM =
      """
      profile: baseline
      rules:
        - {id: privileged-container, severity: high}
        - id: sensitive-host-path
          parameters: {sensitivePaths: [/srv/a]}
      allowedRegistries: [registry.example.com]
      exceptions: [{name: exporter, rules: ['*'], names: [node-exporter], reason: metrics}]
      """;

  private static final String SECURITY =
      """
      profile: restricted
      rules:
        - {id: privileged-container, severity: critical}
        - {id: host-ipc, enabled: false}
        - id: sensitive-host-path
          parameters: {sensitivePaths: [/srv/b, /srv/a]}
      allowedRegistries: [ghcr.io/acme, registry.example.com]
      exceptions: [{name: exporter, rules: [host-pid], names: [node-exporter], reason: pid}]
      """;

  private static String merged(Map<String, String> policies) throws JsonProcessingException {
    TreeMap<String, DetectionPolicySpec> byName = new TreeMap<>();
    policies.forEach((name, yaml) -> byName.put(name, Specs.spec(yaml)));
    return JSON.writeValueAsString(PolicyMerge.merge(byName));
  }

  @Test
  void mergeIsDeterministic() throws JsonProcessingException {
    String one = merged(new java.util.LinkedHashMap<>(Map.of("team", TEAM, "security", SECURITY)));
    String two = merged(new java.util.LinkedHashMap<>(Map.of("security", SECURITY, "team", TEAM)));
    assertThat(one).isEqualTo(two);
  }

  @Test
  void laterPolicyInNameOrderWinsPerFieldAndListsAreUnions() {
    TreeMap<String, DetectionPolicySpec> byName = new TreeMap<>();
    byName.put("team", Specs.spec(TEAM));
    byName.put("security", Specs.spec(SECURITY));
    DetectionPolicySpec merged = PolicyMerge.merge(byName);
    assertThat(merged.getProfile()).as("strictest profile").isEqualTo("restricted");
    RuleSettings privileged = rule(merged, "privileged-container");
    assertThat(privileged.getSeverity()).as("'team' sorts after 'security'").isEqualTo("high");
    assertThat(rule(merged, "host-ipc").getEnabled()).isFalse();
    assertThat(rule(merged, "sensitive-host-path").getParameters().getSensitivePaths())
        .containsExactly("/srv/b", "/srv/a");
    assertThat(merged.getAllowedRegistries())
        .containsExactly("ghcr.io/acme", "registry.example.com");
    assertThat(merged.getExceptions())
        .extracting(PolicyExceptionSpec::getName)
        .containsExactly("security/exporter", "team/exporter");
    assertThat(PolicyValidator.validate(merged, TestRules.spec())).isEmpty();
  }

  @Test
  void aSinglePolicyIsUsedAsItIs() {
    DetectionPolicySpec spec = Specs.spec(TEAM);
    assertThat(PolicyMerge.merge(new TreeMap<>(Map.of("default", spec)))).isSameAs(spec);
    assertThat(PolicyMerge.merge(new TreeMap<>()).getExceptions()).isEmpty();
  }

  private static RuleSettings rule(DetectionPolicySpec spec, String id) {
    List<RuleSettings> matching =
        spec.getRules().stream().filter(r -> id.equals(r.getId())).toList();
    assertThat(matching).hasSize(1);
    return matching.get(0);
  }
}
