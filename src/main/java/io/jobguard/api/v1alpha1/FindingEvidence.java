package io.jobguard.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

/** One piece of evidence: the exact field and value a rule matched. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class FindingEvidence {
  @JsonPropertyDescription("Container name; empty for pod-level evidence.")
  private String container;

  @JsonPropertyDescription("Field path, e.g. spec.template.spec.volumes[0].hostPath.path.")
  private String field;

  @JsonPropertyDescription("The offending value (truncated with a marker when long).")
  private String value;

  @JsonPropertyDescription("What the rule saw, in one sentence.")
  private String message;

  @JsonPropertyDescription("The named command pattern (suspicious-command only).")
  private String pattern;

  public String getContainer() {
    return container;
  }

  public void setContainer(String container) {
    this.container = container;
  }

  public String getField() {
    return field;
  }

  public void setField(String field) {
    this.field = field;
  }

  public String getValue() {
    return value;
  }

  public void setValue(String value) {
    this.value = value;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }

  public String getPattern() {
    return pattern;
  }

  public void setPattern(String pattern) {
    this.pattern = pattern;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FindingEvidence other
        && Objects.equals(container, other.container)
        && Objects.equals(field, other.field)
        && Objects.equals(value, other.value)
        && Objects.equals(message, other.message)
        && Objects.equals(pattern, other.pattern);
  }

  @Override
  public int hashCode() {
    return Objects.hash(container, field, value, message, pattern);
  }
}
