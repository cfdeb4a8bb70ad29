package io.jobguard.policy;

import java.util.List;

/**
 * A policy that cannot be applied; each problem names the field, e.g. {@code
 * spec.rules[2].severity}.
 */
public class PolicyValidationException extends Exception {
  private final List<String> problems;

  public PolicyValidationException(List<String> problems) {
    super(String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
