package io.jobguard.scan;

/**
 * Input that could not be read or parsed. {@code document} and {@code line} are null when the whole
 * file failed (missing, unreadable, binary, too large).
 */
public record ScanError(String file, Integer document, Integer line, String message) {

  static ScanError ofFile(String file, String message) {
    return new ScanError(file, null, null, message);
  }

  /** {@code file:line: document N: message}, the form editors and CI logs link from. */
  public String describe() {
    StringBuilder text = new StringBuilder(file);
    if (line != null) {
      text.append(':').append(line);
    }
    text.append(": ");
    if (document != null) {
      text.append("document ").append(document).append(": ");
    }
    return text.append(message).toString();
  }
}
