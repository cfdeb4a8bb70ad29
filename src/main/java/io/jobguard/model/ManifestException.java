package io.jobguard.model;

/** A manifest that cannot be read as the object it claims to be; the message names the field. */
public class ManifestException extends Exception {
  private final String field;

  public ManifestException(String field, String message, Throwable cause) {
    super(message, cause);
    this.field = field;
  }

  /** The field path that could not be read, e.g. {@code spec.template.spec.hostPID}, or null. */
  public String field() {
    return field;
  }
}
