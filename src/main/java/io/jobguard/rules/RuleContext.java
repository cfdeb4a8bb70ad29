package io.jobguard.rules;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Configuration a rule may read, coming from the DetectionPolicy: data, not code, so one rule
 * serves many clusters.
 *
 * @param profile the profile in force; a few rules (unmasked-proc-mount) judge differently under
 *     restricted
 * @param allowedRegistries image registries allowed by policy; empty means the check is off
 * @param extraSensitivePaths host paths the user treats as sensitive, in addition to the built-in
 *     list
 * @param extraCommandPatterns named command patterns added by the user
 */
public record RuleContext(
    Profile profile,
    List<String> allowedRegistries,
    List<String> extraSensitivePaths,
    List<NamedPattern> extraCommandPatterns) {

  public RuleContext {
    allowedRegistries = List.copyOf(allowedRegistries);
    extraSensitivePaths = List.copyOf(extraSensitivePaths);
    extraCommandPatterns = List.copyOf(extraCommandPatterns);
  }

  /** A regular expression with the name a finding reports when it matches. */
  public record NamedPattern(String name, Pattern pattern) {}

  public static RuleContext defaults() {
    return new RuleContext(Profile.BASELINE, List.of(), List.of(), List.of());
  }
}
