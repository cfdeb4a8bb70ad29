package io.jobguard.scan;

/**
 * A document that is not valid YAML or JSON, or exceeds a safety limit; {@code line} is 1-based.
 */
final class DocumentParseException extends Exception {
  private final int line;

  DocumentParseException(String message, int line) {
    super(message);
    this.line = line;
  }

  int line() {
    return line;
  }
}
