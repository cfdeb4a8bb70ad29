package io.jobguard.policy;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Kubernetes label-selector semantics, without the client library (the policy layer must not depend
 * on it): every matchLabels entry and every matchExpressions requirement must hold; an empty
 * selector matches everything.
 */
final class LabelSelectors {
  static final Set<String> OPERATORS = Set.of("In", "NotIn", "Exists", "DoesNotExist");

  private LabelSelectors() {}

  static boolean matches(LabelSelector selector, Map<String, String> labels) {
    Map<String, String> matchLabels = selector.getMatchLabels();
    if (matchLabels != null
        && !matchLabels.entrySet().stream()
            .allMatch(e -> e.getValue() != null && e.getValue().equals(labels.get(e.getKey())))) {
      return false;
    }
    List<LabelSelectorRequirement> expressions = selector.getMatchExpressions();
    return expressions == null || expressions.stream().allMatch(r -> holds(r, labels));
  }

  private static boolean holds(LabelSelectorRequirement requirement, Map<String, String> labels) {
    String value = labels.get(requirement.getKey());
    List<String> values = requirement.getValues() == null ? List.of() : requirement.getValues();
    return switch (requirement.getOperator()) {
      case "In" -> value != null && values.contains(value);
      case "NotIn" -> value == null || !values.contains(value);
      case "Exists" -> value != null;
      case "DoesNotExist" -> value == null;
      default ->
          throw new IllegalStateException(
              "unvalidated selector operator " + requirement.getOperator());
    };
  }

  /** What is wrong with the selector at {@code field}, e.g. {@code spec.exceptions[0].selector}. */
  static List<String> problems(LabelSelector selector, String field) {
    List<String> problems = new ArrayList<>();
    Map<String, String> matchLabels = selector.getMatchLabels();
    if (matchLabels != null) {
      matchLabels.forEach(
          (key, value) -> {
            if (value == null) {
              problems.add(field + ".matchLabels." + key + ": value required");
            }
          });
    }
    List<LabelSelectorRequirement> expressions = selector.getMatchExpressions();
    for (int i = 0; expressions != null && i < expressions.size(); i++) {
      requirementProblems(expressions.get(i), field + ".matchExpressions[" + i + "]", problems);
    }
    return problems;
  }

  private static void requirementProblems(
      LabelSelectorRequirement requirement, String field, List<String> problems) {
    if (requirement == null) {
      problems.add(field + ": must be a mapping with key, operator and values");
      return;
    }
    if (requirement.getKey() == null || requirement.getKey().isBlank()) {
      problems.add(field + ".key: required");
    }
    String operator = requirement.getOperator();
    boolean hasValues = requirement.getValues() != null && !requirement.getValues().isEmpty();
    if (operator == null || !OPERATORS.contains(operator)) {
      problems.add(
          field
              + ".operator: unknown operator '"
              + operator
              + "' (expected In, NotIn, Exists or DoesNotExist)");
    } else if (operator.endsWith("In") && !hasValues) {
      problems.add(field + ".values: required with operator " + operator);
    } else if (!operator.endsWith("In") && hasValues) {
      problems.add(field + ".values: must be empty with operator " + operator);
    }
  }
}
