package io.jobguard.findings;

/**
 * Bounds text copied from workloads into Findings. An attacker controls commands and env values;
 * without bounds one hostile Pod could push a Finding past etcd's object size limit and lose it.
 */
public final class Truncation {
  /** Marker appended to every truncated value, so readers know text is missing. */
  public static final String MARKER = "…[truncated]";

  private Truncation() {}

  public static String truncate(String text, int maxChars) {
    if (text == null || text.length() <= maxChars) {
      return text;
    }
    int keep = Math.max(0, maxChars - MARKER.length());
    if (keep > 0 && Character.isHighSurrogate(text.charAt(keep - 1))) {
      keep--;
    }
    return text.substring(0, keep) + MARKER;
  }
}
