package io.jobguard.rules;

import java.util.Locale;

/** Finding severities, lowest first; written as lower-case words everywhere users see them. */
public enum Severity {
  INFO,
  LOW,
  MEDIUM,
  HIGH,
  CRITICAL;

  /** The lower-case word of SPEC §3, e.g. {@code critical}. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean atLeast(Severity other) {
    return compareTo(other) >= 0;
  }

  /** Parses a severity word, ignoring case; the error lists the accepted words. */
  public static Severity parse(String word) {
    if (word != null) {
      for (Severity s : values()) {
        if (s.name().equalsIgnoreCase(word.trim())) {
          return s;
        }
      }
    }
    throw new IllegalArgumentException(
        "unknown severity '" + word + "' (expected one of info, low, medium, high, critical)");
  }

  @Override
  public String toString() {
    return word();
  }
}
