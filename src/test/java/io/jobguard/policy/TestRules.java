package io.jobguard.policy;

import io.jobguard.model.Workload;
import io.jobguard.rules.Evidence;
import io.jobguard.rules.Profile;
import io.jobguard.rules.Rule;
import io.jobguard.rules.RuleCatalogue;
import io.jobguard.rules.RuleContext;
import io.jobguard.rules.RuleMetadata;
import io.jobguard.rules.Severity;
import io.jobguard.rules.builtin.PrivilegedContainerRule;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Rule catalogues for policy tests that do not depend on which rules other work has added yet: the
 * one guaranteed built-in rule plus small test rules under the SPEC ids the tests need.
 */
final class TestRules {
  /** Every rule id of SPEC §4; the ones not built in yet are stood in for by quiet test rules. */
  static final List<String> SPEC_IDS =
      List.of(
          "privileged-container",
          "host-pid",
          "host-ipc",
          "host-network",
          "host-ports",
          "windows-host-process",
          "added-capabilities",
          "unmasked-proc-mount",
          "unconfined-seccomp",
          "unconfined-apparmor",
          "custom-selinux",
          "unsafe-sysctls",
          "probe-host-override",
          "host-path-volume",
          "host-cron-mount",
          "host-systemd-mount",
          "container-runtime-socket",
          "sensitive-host-path",
          "host-device",
          "suspicious-command",
          "frequent-schedule",
          "evidence-erasure",
          "control-plane-targeting",
          "system-namespace-workload",
          "untrusted-registry",
          "privilege-escalation-allowed",
          "run-as-root",
          "missing-seccomp",
          "capabilities-not-dropped",
          "restricted-volume-types");

  private static final List<String> RESTRICTED =
      List.of(
          "privilege-escalation-allowed",
          "run-as-root",
          "missing-seccomp",
          "capabilities-not-dropped",
          "restricted-volume-types");

  private TestRules() {}

  /**
   * privileged-container, plus test rules that fire once on every workload: {@code always-medium}
   * (baseline), {@code always-restricted} (restricted), and {@code suspicious-command} and {@code
   * sensitive-host-path} which report what the policy handed them in the {@link RuleContext}.
   */
  static RuleCatalogue small() {
    return new RuleCatalogue(
        List.of(
            new PrivilegedContainerRule(),
            rule("always-medium", Profile.BASELINE, (w, c) -> List.of(evidence("always"))),
            rule("always-restricted", Profile.RESTRICTED, (w, c) -> List.of(evidence("always"))),
            rule(
                PolicyValidator.SUSPICIOUS_COMMAND,
                Profile.BASELINE,
                (w, c) ->
                    c.extraCommandPatterns().stream()
                        .map(p -> evidence(p.name() + "=" + p.pattern().pattern()))
                        .toList()),
            rule(
                PolicyValidator.SENSITIVE_HOST_PATH,
                Profile.BASELINE,
                (w, c) -> c.extraSensitivePaths().stream().map(TestRules::evidence).toList())));
  }

  /** The built-in rules plus a quiet stand-in for every SPEC id not built in yet. */
  static RuleCatalogue spec() {
    List<Rule> rules = new ArrayList<>(RuleCatalogue.builtin().rules());
    SPEC_IDS.stream()
        .filter(id -> !RuleCatalogue.builtin().contains(id))
        .map(
            id ->
                rule(
                    id,
                    RESTRICTED.contains(id) ? Profile.RESTRICTED : Profile.BASELINE,
                    (w, c) -> List.of()))
        .forEach(rules::add);
    return new RuleCatalogue(rules);
  }

  private static Evidence evidence(String value) {
    return Evidence.of(null, "spec", value, Severity.MEDIUM, "test rule saw " + value);
  }

  private static Rule rule(
      String id, Profile profile, BiFunction<Workload, RuleContext, List<Evidence>> body) {
    RuleMetadata metadata =
        new RuleMetadata(
            id, id, Severity.MEDIUM, List.of(), "Test rule.", "Nothing to fix.", profile);
    return new Rule() {
      @Override
      public RuleMetadata metadata() {
        return metadata;
      }

      @Override
      public List<Evidence> evaluate(Workload workload, RuleContext context) {
        return body.apply(workload, context);
      }
    };
  }
}
