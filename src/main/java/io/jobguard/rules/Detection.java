package io.jobguard.rules;

import io.jobguard.model.ObjectRef;

/**
 * A rule that fired on a subject, with its evidence and the effective severity (after evidence and
 * policy overrides).
 *
 * @param suppressedBy the name of the policy exception that covers it, or null when it is active
 * @param suppressionReason that exception's reason, or null when it is active
 */
public record Detection(
    RuleMetadata rule,
    ObjectRef subject,
    Evidence evidence,
    Severity severity,
    String suppressedBy,
    String suppressionReason) {

  /** An active detection, or one suppressed by a named exception whose reason is not known. */
  public Detection(
      RuleMetadata rule, ObjectRef subject, Evidence evidence, Severity severity, String by) {
    this(rule, subject, evidence, severity, by, null);
  }

  public String ruleId() {
    return rule.id();
  }

  public boolean suppressed() {
    return suppressedBy != null;
  }

  public Detection withSeverity(Severity newSeverity) {
    return new Detection(rule, subject, evidence, newSeverity, suppressedBy, suppressionReason);
  }

  public Detection suppressedBy(String exceptionName) {
    return suppressedBy(exceptionName, null);
  }

  public Detection suppressedBy(String exceptionName, String reason) {
    return new Detection(rule, subject, evidence, severity, exceptionName, reason);
  }
}
