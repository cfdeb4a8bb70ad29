package io.jobguard.policy;

import io.jobguard.rules.Profile;
import io.jobguard.rules.RuleCatalogue;
import io.jobguard.rules.Severity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * Checks a DetectionPolicy spec and reports every problem at once, each naming its field, e.g.
 * {@code spec.rules[2].severity: unknown severity 'urgent' (...)}. It accepts exactly what the CRD
 * schema accepts and more (rule ids, globs and regular expressions the API server cannot check), so
 * a policy file behaves the same in {@code scan --policy} and in the cluster.
 */
public final class PolicyValidator {
  static final String SENSITIVE_HOST_PATH = "sensitive-host-path";
  static final String SUSPICIOUS_COMMAND = "suspicious-command";
  static final String NAME_RULE =
      "must be a DNS-1123 label: lower-case letters, digits and '-', starting and ending with a"
          + " letter or digit, at most "
          + PolicySyntax.MAX_NAME_LENGTH
          + " characters";

  private static final Pattern DNS_LABEL = Pattern.compile(PolicySyntax.DNS_LABEL);
  private static final String SEVERITIES =
      Arrays.stream(Severity.values()).map(Severity::word).collect(Collectors.joining(", "));

  private final RuleCatalogue catalogue;
  private final List<String> problems = new ArrayList<>();

  private PolicyValidator(RuleCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  /** Every problem of the spec against the built-in rules; empty when it is valid. */
  public static List<String> validate(DetectionPolicySpec spec) {
    return validate(spec, RuleCatalogue.builtin());
  }

  /** Every problem of the spec against the rules of {@code catalogue}; empty when it is valid. */
  public static List<String> validate(DetectionPolicySpec spec, RuleCatalogue catalogue) {
    PolicyValidator validator = new PolicyValidator(catalogue);
    if (spec == null) {
      return List.of("spec: required");
    }
    validator.profile(spec.getProfile());
    validator.rules(spec.getRules());
    validator.registries(spec.getAllowedRegistries());
    validator.problems.addAll(new ExceptionValidator(catalogue).validate(spec.getExceptions()));
    return List.copyOf(validator.problems);
  }

  private void profile(String profile) {
    if (profile != null
        && Arrays.stream(Profile.values()).noneMatch(p -> p.word().equals(profile))) {
      problems.add(
          "spec.profile: unknown profile '" + profile + "' (expected baseline or restricted)");
    }
  }

  private void rules(List<RuleSettings> rules) {
    Map<String, Integer> firstIndex = new HashMap<>();
    for (int i = 0; i < rules.size(); i++) {
      String field = "spec.rules[" + i + "]";
      RuleSettings rule = rules.get(i);
      if (rule == null) {
        problems.add(field + ": must be a mapping with an id");
        continue;
      }
      ruleId(rule.getId(), field + ".id", firstIndex, i);
      severity(rule.getSeverity(), field + ".severity");
      if (rule.getParameters() != null) {
        parameters(rule.getId(), rule.getParameters(), field + ".parameters");
      }
    }
  }

  private void ruleId(String id, String field, Map<String, Integer> firstIndex, int index) {
    if (id == null || id.isBlank()) {
      problems.add(field + ": required");
    } else if (!catalogue.contains(id)) {
      problems.add(
          field + ": unknown rule '" + id + "' (the rule ids are listed in docs/rules.md)");
    } else {
      Integer first = firstIndex.putIfAbsent(id, index);
      if (first != null) {
        problems.add(
            field + ": duplicate rule '" + id + "' (already in spec.rules[" + first + "])");
      }
    }
  }

  private static boolean isSeverityWord(String word) {
    return Arrays.stream(Severity.values()).anyMatch(s -> s.word().equals(word));
  }

  private void severity(String severity, String field) {
    if (severity != null && !isSeverityWord(severity)) {
      problems.add(
          field + ": unknown severity '" + severity + "' (expected one of " + SEVERITIES + ")");
    }
  }

  private void parameters(String ruleId, RuleParameters parameters, String field) {
    List<String> paths = parameters.getSensitivePaths();
    if (!paths.isEmpty() && !SENSITIVE_HOST_PATH.equals(ruleId)) {
      problems.add(field + ".sensitivePaths: only the " + SENSITIVE_HOST_PATH + " rule takes it");
    }
    for (int i = 0; i < paths.size(); i++) {
      String path = paths.get(i);
      if (path == null || !path.startsWith("/")) {
        problems.add(
            field + ".sensitivePaths[" + i + "]: must be an absolute path, got '" + path + "'");
      }
    }
    List<CommandPatternSpec> patterns = parameters.getCommandPatterns();
    if (!patterns.isEmpty() && !SUSPICIOUS_COMMAND.equals(ruleId)) {
      problems.add(field + ".commandPatterns: only the " + SUSPICIOUS_COMMAND + " rule takes it");
    }
    for (int i = 0; i < patterns.size(); i++) {
      commandPattern(patterns.get(i), field + ".commandPatterns[" + i + "]");
    }
  }

  private void commandPattern(CommandPatternSpec pattern, String field) {
    if (pattern == null) {
      problems.add(field + ": must be a mapping with name and regex");
      return;
    }
    String name = pattern.getName();
    if (name == null || name.isBlank()) {
      problems.add(field + ".name: required");
    } else if (!isName(name)) {
      problems.add(field + ".name: '" + name + "' " + NAME_RULE);
    }
    if (pattern.getRegex() == null || pattern.getRegex().isEmpty()) {
      problems.add(field + ".regex: required");
      return;
    }
    try {
      Pattern.compile(pattern.getRegex());
    } catch (PatternSyntaxException e) {
      problems.add(
          field
              + ".regex: invalid regular expression: "
              + e.getDescription()
              + (e.getIndex() >= 0 ? " near index " + e.getIndex() : ""));
    }
  }

  static boolean isName(String name) {
    return name.length() <= PolicySyntax.MAX_NAME_LENGTH && DNS_LABEL.matcher(name).matches();
  }

  private void registries(List<String> registries) {
    for (int i = 0; i < registries.size(); i++) {
      String registry = registries.get(i);
      String field = "spec.allowedRegistries[" + i + "]";
      if (registry == null || registry.isBlank()) {
        problems.add(field + ": must not be empty");
      } else if (registry.contains("://") || registry.chars().anyMatch(Character::isWhitespace)) {
        problems.add(
            field
                + ": '"
                + registry
                + "' is not a registry host or path (write e.g. registry.example.com, no scheme)");
      }
    }
  }
}
