package io.jobguard.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The rule ids, default severities, ATT&CK ids and profiles are SPEC §4's public contract. */
class SpecRuleTableTest {
  private record Row(Severity severity, List<String> attack, Profile profile) {}

  private static Row baseline(Severity s, String... attack) {
    return new Row(s, List.of(attack), Profile.BASELINE);
  }

  private static Row restricted() {
    return new Row(Severity.LOW, List.of(), Profile.RESTRICTED);
  }

  private static final Map<String, Row> SPEC =
      Map.ofEntries(
          Map.entry("privileged-container", baseline(Severity.CRITICAL, "T1611")),
          Map.entry("host-pid", baseline(Severity.HIGH, "T1611")),
          Map.entry("host-ipc", baseline(Severity.MEDIUM, "T1611")),
          Map.entry("host-network", baseline(Severity.HIGH, "T1611")),
          Map.entry("host-ports", baseline(Severity.MEDIUM)),
          Map.entry("windows-host-process", baseline(Severity.CRITICAL, "T1611")),
          Map.entry("added-capabilities", baseline(Severity.MEDIUM, "T1611")),
          Map.entry("unmasked-proc-mount", baseline(Severity.HIGH, "T1611")),
          Map.entry("unconfined-seccomp", baseline(Severity.MEDIUM)),
          Map.entry("unconfined-apparmor", baseline(Severity.MEDIUM)),
          Map.entry("custom-selinux", baseline(Severity.MEDIUM)),
          Map.entry("unsafe-sysctls", baseline(Severity.MEDIUM)),
          Map.entry("probe-host-override", baseline(Severity.MEDIUM)),
          Map.entry("host-path-volume", baseline(Severity.MEDIUM)),
          Map.entry(
              "host-cron-mount", baseline(Severity.CRITICAL, "T1053.003", "T1053.002", "T1611")),
          Map.entry("host-systemd-mount", baseline(Severity.CRITICAL, "T1053.006", "T1611")),
          Map.entry("container-runtime-socket", baseline(Severity.CRITICAL, "T1610", "T1611")),
          Map.entry("sensitive-host-path", baseline(Severity.HIGH, "T1611")),
          Map.entry("host-device", baseline(Severity.HIGH, "T1611")),
          Map.entry("suspicious-command", baseline(Severity.HIGH, "T1053.007", "T1059.004")),
          Map.entry("frequent-schedule", baseline(Severity.LOW, "T1053.007")),
          Map.entry("evidence-erasure", baseline(Severity.LOW, "T1070")),
          Map.entry("control-plane-targeting", baseline(Severity.MEDIUM, "T1053.007")),
          Map.entry("system-namespace-workload", baseline(Severity.MEDIUM, "T1053.007", "T1036")),
          Map.entry("untrusted-registry", baseline(Severity.MEDIUM, "T1610")),
          Map.entry("privilege-escalation-allowed", restricted()),
          Map.entry("run-as-root", restricted()),
          Map.entry("missing-seccomp", restricted()),
          Map.entry("capabilities-not-dropped", restricted()),
          Map.entry("restricted-volume-types", restricted()));

  @Test
  void catalogueHoldsExactlyTheSpecRules() {
    assertThat(RuleCatalogue.builtin().rules().stream().map(Rule::id))
        .containsExactlyInAnyOrderElementsOf(SPEC.keySet());
  }

  @Test
  void everyRuleHasTheSpecSeverityAttackIdsAndProfile() {
    for (Rule rule : RuleCatalogue.builtin().rules()) {
      Row row = SPEC.get(rule.id());
      RuleMetadata m = rule.metadata();
      assertThat(m.defaultSeverity()).as(rule.id()).isEqualTo(row.severity());
      assertThat(m.attack()).as(rule.id()).containsExactlyElementsOf(row.attack());
      assertThat(m.profile()).as(rule.id()).isEqualTo(row.profile());
    }
  }

  @Test
  void everyFixtureFolderBelongsToARule() throws IOException {
    try (Stream<Path> folders = Files.list(RuleFixtures.ROOT)) {
      assertThat(folders.map(p -> p.getFileName().toString()).collect(Collectors.toSet()))
          .allMatch(SPEC::containsKey, "is a SPEC rule id");
    }
  }
}
