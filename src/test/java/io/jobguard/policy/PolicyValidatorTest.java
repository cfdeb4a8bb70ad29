package io.jobguard.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every problem is reported at once, each naming its field. */
class PolicyValidatorTest {

  private static List<String> problems(String yaml) {
    return PolicyValidator.validate(Specs.spec(yaml), TestRules.small());
  }

  @Test
  void aValidPolicyHasNoProblems() {
    assertThat(
            problems(
                """
                profile: restricted
                rules:
                  - {id: always-medium, enabled: false}
                  - {id: privileged-container, severity: high}
                  - id: suspicious-command
                    parameters:
                      commandPatterns: [{name: exfil, regex: 'rclone\\s+copy'}]
                  - id: sensitive-host-path
                    parameters: {sensitivePaths: [/srv/secrets]}
                allowedRegistries: [registry.example.com, ghcr.io/acme]
                exceptions:
                  - name: node-exporter
                    rules: ['*']
                    namespaces: [monitoring]
                    kinds: [DaemonSet]
                    names: [node-exporter]
                    images: ['quay.io/prometheus/node-exporter:v1.*']
                    serviceAccounts: [node-exporter]
                    selector:
                      matchLabels: {app: node-exporter}
                      matchExpressions: [{key: tier, operator: Exists}]
                    reason: reads host metrics
                    expires: "2027-01-01T00:00:00Z"
                """))
        .isEmpty();
  }

  @Test
  void ruleProblemsNameTheirField() {
    assertThat(
            problems(
                """
                profile: paranoid
                rules:
                  - {id: privileged-container}
                  - {id: host-crn-mount}
                  - {id: always-medium, severity: urgent}
                  - id: suspicious-command
                    parameters:
                      commandPatterns: [{name: bad, regex: 'curl (|'}, {regex: x}]
                  - {id: privileged-container}
                  - {severity: HIGH}
                """))
        .containsExactly(
            "spec.profile: unknown profile 'paranoid' (expected baseline or restricted)",
            "spec.rules[1].id: unknown rule 'host-crn-mount' (the rule ids are listed in"
                + " docs/rules.md)",
            "spec.rules[2].severity: unknown severity 'urgent' (expected one of info, low,"
                + " medium, high, critical)",
            "spec.rules[3].parameters.commandPatterns[0].regex: invalid regular expression:"
                + " Unclosed group near index 7",
            "spec.rules[3].parameters.commandPatterns[1].name: required",
            "spec.rules[4].id: duplicate rule 'privileged-container' (already in spec.rules[0])",
            "spec.rules[5].id: required",
            "spec.rules[5].severity: unknown severity 'HIGH' (expected one of info, low, medium,"
                + " high, critical)");
  }

  @Test
  void parametersBelongToTheirRule() {
    assertThat(
            problems(
                """
                rules:
                  - id: privileged-container
                    parameters:
                      sensitivePaths: [/srv]
                      commandPatterns: [{name: x, regex: y}]
                  - id: sensitive-host-path
                    parameters: {sensitivePaths: [relative/path]}
                allowedRegistries: ['https://registry.example.com', '']
                """))
        .containsExactly(
            "spec.rules[0].parameters.sensitivePaths: only the sensitive-host-path rule takes it",
            "spec.rules[0].parameters.commandPatterns: only the suspicious-command rule takes it",
            "spec.rules[1].parameters.sensitivePaths[0]: must be an absolute path, got"
                + " 'relative/path'",
            "spec.allowedRegistries[0]: 'https://registry.example.com' is not a registry host or"
                + " path (write e.g. registry.example.com, no scheme)",
            "spec.allowedRegistries[1]: must not be empty");
  }

  @Test
  void exceptionProblemsNameTheirField() {
    assertThat(
            problems(
                """
                exceptions:
                  - name: ok
                    rules: [privileged-container]
                    images: ['quay.io/a', 'quay.io/b', 'quay.io/[abc']
                    kinds: [daemonset]
                    expires: "next tuesday"
                    reason: r
                  - name: Bad_Name
                    rules: []
                  - name: ok
                    rules: [no-such-rule]
                    selector:
                      matchExpressions:
                        - {key: app, operator: Like, values: [x]}
                        - {key: app, operator: In}
                        - {key: app, operator: Exists, values: [x]}
                    expires: "2026-02-30T00:00:00Z"
                    reason: "  "
                """))
        .containsExactly(
            "spec.exceptions[0].kinds[0]: unknown kind 'daemonset' (expected one of CronJob,"
                + " DaemonSet, Deployment, Job, Pod, PodTemplate, ReplicaSet,"
                + " ReplicationController, StatefulSet; kinds are case-sensitive)",
            "spec.exceptions[0].images[2]: invalid glob 'quay.io/[abc': Missing '] near index"
                + " 11",
            "spec.exceptions[0].expires: not an RFC 3339 time: 'next tuesday' (write e.g."
                + " 2026-06-30T00:00:00Z)",
            "spec.exceptions[1].name: 'Bad_Name' " + PolicyValidator.NAME_RULE,
            "spec.exceptions[1].reason: required (say why this exception is safe)",
            "spec.exceptions[1].rules: required (list rule ids, or '*' for every rule)",
            "spec.exceptions[2].name: duplicate name 'ok' (already used by spec.exceptions[0])",
            "spec.exceptions[2].reason: required (say why this exception is safe)",
            "spec.exceptions[2].rules[0]: unknown rule 'no-such-rule' (a rule id of"
                + " docs/rules.md, or '*')",
            "spec.exceptions[2].selector.matchExpressions[0].operator: unknown operator 'Like'"
                + " (expected In, NotIn, Exists or DoesNotExist)",
            "spec.exceptions[2].selector.matchExpressions[1].values: required with operator In",
            "spec.exceptions[2].selector.matchExpressions[2].values: must be empty with operator"
                + " Exists",
            "spec.exceptions[2].expires: not an RFC 3339 time: '2026-02-30T00:00:00Z' (write e.g."
                + " 2026-06-30T00:00:00Z)");
  }

  @Test
  void fromThrowsWithEveryProblem() {
    assertThatThrownBy(
            () ->
                Specs.policy(
                    """
                    rules: [{id: nope}]
                    exceptions: [{name: x, rules: ['*']}]
                    """))
        .isInstanceOfSatisfying(
            PolicyValidationException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        "spec.rules[0].id: unknown rule 'nope' (the rule ids are listed in"
                            + " docs/rules.md)",
                        "spec.exceptions[0].reason: required (say why this exception is safe)"));
  }

  @Test
  void nullEntriesAreProblemsNotCrashes() {
    assertThat(problems("rules: [null]\nexceptions: [null]"))
        .containsExactly(
            "spec.rules[0]: must be a mapping with an id",
            "spec.exceptions[0]: must be a mapping with name, rules and reason");
    assertThat(PolicyValidator.validate(null)).containsExactly("spec: required");
  }
}
