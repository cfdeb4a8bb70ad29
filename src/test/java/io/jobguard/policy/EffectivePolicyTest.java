package io.jobguard.policy;

import static io.jobguard.policy.Specs.NOW;
import static io.jobguard.policy.Specs.policy;
import static org.assertj.core.api.Assertions.assertThat;

import io.jobguard.model.Workload;
import io.jobguard.rules.Detection;
import io.jobguard.rules.Profile;
import io.jobguard.rules.Rule;
import io.jobguard.rules.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rule selection, severity overrides and parameters, as both the CLI and operator see them. */
class EffectivePolicyTest {
  private static final Workload POD = TestWorkload.pod("apps", "web").build();

  private static List<String> ruleIds(EffectivePolicy policy) {
    return policy.rules().stream().map(Rule::id).toList();
  }

  @Test
  void severityOverrideReplacesTheEvidenceSeverity() throws PolicyValidationException {
    EffectivePolicy policy =
        policy("rules: [{id: privileged-container, severity: low}, {id: always-medium}]");
    assertThat(policy.evaluate(POD, NOW))
        .filteredOn(d -> d.ruleId().equals("privileged-container"))
        .extracting(Detection::severity)
        .containsExactly(Severity.LOW);
    assertThat(policy.severityOverride("privileged-container")).contains(Severity.LOW);
    assertThat(policy.severityOverride("always-medium")).isEmpty();
  }

  @Test
  void disabledRulesDoNotRun() throws PolicyValidationException {
    EffectivePolicy policy = policy("rules: [{id: always-medium, enabled: false}]");
    assertThat(ruleIds(policy)).doesNotContain("always-medium").contains("privileged-container");
    assertThat(policy.evaluate(POD, NOW)).noneMatch(d -> d.ruleId().equals("always-medium"));
  }

  @Test
  void profileSelectsRestrictedRulesAndCanBeOverridden() throws PolicyValidationException {
    EffectivePolicy baseline = policy("{}");
    assertThat(baseline.profile()).isEqualTo(Profile.BASELINE);
    assertThat(ruleIds(baseline)).doesNotContain("always-restricted");
    EffectivePolicy restricted = policy("profile: restricted");
    assertThat(ruleIds(restricted)).contains("always-restricted", "always-medium");
    assertThat(restricted.context().profile()).isEqualTo(Profile.RESTRICTED);
    EffectivePolicy overridden = restricted.withProfile(Profile.BASELINE);
    assertThat(ruleIds(overridden)).doesNotContain("always-restricted");
    assertThat(overridden.context().profile()).isEqualTo(Profile.BASELINE);
  }

  @Test
  void withProfileKeepsOverridesAndExceptions() throws PolicyValidationException {
    EffectivePolicy policy =
        policy(
                """
            rules: [{id: always-medium, enabled: false}, {id: privileged-container, severity: info}]
            exceptions: [{name: e, rules: [always-restricted], reason: r}]
            """)
            .withProfile(Profile.RESTRICTED);
    assertThat(Specs.outcome(policy, POD))
        .containsEntry("always-restricted", "e")
        .containsEntry("privileged-container", "active")
        .doesNotContainKey("always-medium");
    assertThat(policy.evaluate(POD, NOW))
        .filteredOn(d -> d.ruleId().equals("privileged-container"))
        .extracting(Detection::severity)
        .containsExactly(Severity.INFO);
  }

  @Test
  void parametersAndRegistriesReachTheRules() throws PolicyValidationException {
    EffectivePolicy policy =
        policy(
            """
            allowedRegistries: [registry.example.com]
            rules:
              - id: suspicious-command
                parameters:
                  commandPatterns: [{name: exfil, regex: 'rclone\\s+copy'}]
              - id: sensitive-host-path
                parameters: {sensitivePaths: [/srv/secrets, /data/keys]}
            """);
    assertThat(policy.context().allowedRegistries()).containsExactly("registry.example.com");
    assertThat(policy.evaluate(POD, NOW))
        .extracting(d -> d.ruleId() + ":" + d.evidence().value())
        .contains(
            "suspicious-command:exfil=rclone\\s+copy",
            "sensitive-host-path:/srv/secrets",
            "sensitive-host-path:/data/keys");
  }

  @Test
  void defaultsRunEveryBuiltinRuleOfTheProfile() {
    EffectivePolicy defaults = EffectivePolicy.defaults(Profile.BASELINE);
    assertThat(ruleIds(defaults)).contains("privileged-container");
    assertThat(defaults.rules()).allMatch(r -> r.metadata().profile() == Profile.BASELINE);
    assertThat(defaults.evaluate(POD, NOW))
        .filteredOn(d -> d.ruleId().equals("privileged-container"))
        .singleElement()
        .satisfies(d -> assertThat(d.suppressed()).isFalse());
  }
}
