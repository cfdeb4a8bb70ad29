package io.jobguard.rules;

/**
 * What a rule saw: the exact field and value, a message for people, and the severity the evidence
 * warrants.
 *
 * @param container the container name, or null for pod-level evidence
 * @param field the field path, e.g. {@code spec.template.spec.volumes[0].hostPath.path}
 * @param value the offending value as text
 * @param message one sentence that explains this occurrence
 * @param severity the severity this evidence warrants (a rule may lower or raise its default)
 * @param pattern the named pattern that matched (suspicious-command), else null
 */
public record Evidence(
    String container,
    String field,
    String value,
    String message,
    Severity severity,
    String pattern) {

  public Evidence {
    if (field == null || message == null || severity == null) {
      throw new IllegalArgumentException("evidence needs a field, a message and a severity");
    }
  }

  /** Evidence without a pattern name. */
  public static Evidence of(
      String container, String field, String value, Severity severity, String message) {
    return new Evidence(container, field, value, message, severity, null);
  }
}
