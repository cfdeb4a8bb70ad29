package io.jobguard.scan;

import io.jobguard.rules.Rule;
import io.jobguard.rules.RuleCatalogue;
import io.jobguard.rules.RuleMetadata;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes {@code docs/rules.md} from the rules' own metadata, so the reference cannot drift from
 * what the scanner and the operator report. {@code RulesDocTest} fails when the committed file
 * differs.
 */
public final class RulesReference {
  static final String REGENERATE = "./mvnw -B test -Dtest=RulesDocTest -Djobguard.regenerate=true";

  /** Names of the techniques SPEC §4 cites, so readers need not follow every link. */
  private static final Map<String, String> TECHNIQUE_NAMES =
      Map.of(
          "T1053.002", " At",
          "T1053.003", " Cron",
          "T1053.006", " Systemd Timers",
          "T1053.007", " Container Orchestration Job",
          "T1059.004", " Unix Shell",
          "T1036", " Masquerading",
          "T1070", " Indicator Removal",
          "T1610", " Deploy Container",
          "T1611", " Escape to Host");

  private RulesReference() {}

  /** The whole reference page for the catalogue. */
  public static String markdown(RuleCatalogue catalogue) {
    List<RuleMetadata> rules = catalogue.rules().stream().map(Rule::metadata).toList();
    StringBuilder md = new StringBuilder();
    md.append("# Rule reference\n\n")
        .append("<!-- Generated from RuleMetadata; do not edit. Regenerate with:\n")
        .append("     ")
        .append(REGENERATE)
        .append(" -->\n\n")
        .append("Every rule looks at every container kind (containers, initContainers,")
        .append(" ephemeralContainers) of every pod-carrying kind. Rules of the `restricted`")
        .append(" profile run only with `--profile restricted` or `spec.profile: restricted`.")
        .append(" A DetectionPolicy can disable a rule or override its severity.\n\n")
        .append("| Rule | Default severity | ATT&CK | Profile |\n")
        .append("|---|---|---|---|\n");
    for (RuleMetadata rule : rules) {
      md.append("| [`")
          .append(rule.id())
          .append("`](#")
          .append(rule.id())
          .append(") | ")
          .append(rule.defaultSeverity().word())
          .append(" | ")
          .append(attackLinks(rule.attack()))
          .append(" | ")
          .append(rule.profile().word())
          .append(" |\n");
    }
    for (RuleMetadata rule : rules) {
      md.append('\n').append(section(rule));
    }
    return md.toString();
  }

  private static String section(RuleMetadata rule) {
    return "## "
        + rule.id()
        + "\n\n**"
        + rule.title()
        + "**: default severity `"
        + rule.defaultSeverity().word()
        + "`, profile `"
        + rule.profile().word()
        + "`"
        + ".\n\n"
        + rule.description()
        + techniques(rule.attack())
        + "\n\n**Remediation.** "
        + rule.remediation()
        + "\n";
  }

  private static String techniques(List<String> attack) {
    if (attack.isEmpty()) {
      return "";
    }
    return "\n\n**MITRE ATT&CK.** "
        + attack.stream()
            .map(t -> "[" + t + TECHNIQUE_NAMES.getOrDefault(t, "") + "](" + attackUrl(t) + ")")
            .collect(Collectors.joining(", "))
        + ".";
  }

  /** The help text of a SARIF rule descriptor. */
  static String helpMarkdown(RuleMetadata rule) {
    return rule.description() + "\n\n**Remediation.** " + rule.remediation();
  }

  static String attackUrl(String technique) {
    return "https://attack.mitre.org/techniques/" + technique.replace('.', '/') + "/";
  }

  private static String attackLinks(List<String> techniques) {
    return techniques.stream()
        .map(t -> "[" + t + "](" + attackUrl(t) + ")")
        .collect(Collectors.joining(", "));
  }
}
