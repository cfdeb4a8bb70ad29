package io.jobguard.rules;

import java.util.Locale;

/** Which rules run: PSS "baseline" semantics, or "restricted" which adds the hardening rules. */
public enum Profile {
  BASELINE,
  RESTRICTED;

  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True when a rule written for {@code ruleProfile} runs under this profile. */
  public boolean includes(Profile ruleProfile) {
    return ruleProfile == BASELINE || this == RESTRICTED;
  }

  public static Profile parse(String word) {
    for (Profile p : values()) {
      if (p.name().equalsIgnoreCase(word == null ? "" : word.trim())) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "unknown profile '" + word + "' (expected baseline or restricted)");
  }

  @Override
  public String toString() {
    return word();
  }
}
