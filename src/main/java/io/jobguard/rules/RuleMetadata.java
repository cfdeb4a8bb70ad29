package io.jobguard.rules;

import java.util.List;

/**
 * What a rule is, for people: the source of {@code docs/rules.md}, of Finding fields and of SARIF
 * rule descriptors.
 *
 * @param id the public rule id (SPEC §4), e.g. {@code host-cron-mount}
 * @param title a short noun phrase
 * @param defaultSeverity the severity before evidence or policy adjust it
 * @param attack MITRE ATT&CK technique ids, e.g. {@code T1053.003}; empty when SPEC gives none
 * @param description one paragraph: what fires and why it matters
 * @param remediation one or more full sentences: how to fix the workload
 * @param profile the profile the rule belongs to
 */
public record RuleMetadata(
    String id,
    String title,
    Severity defaultSeverity,
    List<String> attack,
    String description,
    String remediation,
    Profile profile) {

  public RuleMetadata {
    attack = List.copyOf(attack);
  }

  /** Metadata of a baseline-profile rule. */
  public static RuleMetadata baseline(
      String id,
      String title,
      Severity severity,
      List<String> attack,
      String description,
      String remediation) {
    return new RuleMetadata(
        id, title, severity, attack, description, remediation, Profile.BASELINE);
  }

  /** Metadata of a restricted-profile rule. */
  public static RuleMetadata restricted(
      String id, String title, Severity severity, String description, String remediation) {
    return new RuleMetadata(
        id, title, severity, List.of(), description, remediation, Profile.RESTRICTED);
  }
}
