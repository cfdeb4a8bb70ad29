package io.jobguard.policy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Finds annotations on a workload that look like a request to suppress a security check: the ignore
 * markers of other scanners, or a jobguard one. They are never obeyed. Whoever can create a
 * workload can also write its annotations, so obeying them would let an attacker switch off the
 * very detection meant to catch them. The operator records them in {@code
 * FindingStatus.ignoreAnnotations}: on a workload that also has a finding, such an annotation is
 * either a habit carried over from another tool or an attempt to hide.
 */
public final class IgnoreMarkers {
  /** Markers of tools that document them. */
  private static final List<Pattern> KNOWN =
      List.of(
          // kube-linter: ignore-check.kube-linter.io/<check>
          Pattern.compile("^ignore-check\\.kube-linter\\.io/.+$"),
          // Polaris: polaris.fairwinds.com/exempt and polaris.fairwinds.com/<check>-exempt
          Pattern.compile("^polaris\\.fairwinds\\.com/(.+-)?exempt$"),
          // Checkov: checkov.io/skip1, checkov.io/skip2, ...
          Pattern.compile("^checkov\\.io/skip[0-9]*$"),
          // Datree: datree.skip/<rule>
          Pattern.compile("^datree\\.skip/.+$"),
          // kube-score: kube-score/ignore
          Pattern.compile("^kube-score/ignore$"),
          // Terrascan: runterrascan.io/skip
          Pattern.compile("^runterrascan\\.io/skip$"),
          // StackRox / Red Hat ACS admission bypass
          Pattern.compile("^admission\\.stackrox\\.io/break-glass$"));

  /**
   * Security tools whose name in an annotation key, together with a suppression word, marks a
   * suppression attempt even where the exact key format is not documented (Kubescape, kubesec,
   * Trivy, ...). Both conditions are required: {@code config.linkerd.io/skip-inbound-ports} is not
   * one.
   */
  private static final Pattern TOOL =
      Pattern.compile(
          "jobguard|kube-?linter|polaris|checkov|kubescape|datree|kubesec|trivy|aquasec"
              + "|kube-?score|terrascan|stackrox|snyk|kics|checkmarx|gatekeeper|kyverno|falco");

  private static final Pattern SUPPRESSION =
      Pattern.compile("ignore|skip|exempt|exclude|suppress|allowlist|whitelist|break-glass");

  private IgnoreMarkers() {}

  /** The annotation keys that look like ignore markers, sorted; empty when there are none. */
  public static List<String> find(Map<String, String> annotations) {
    if (annotations == null) {
      return List.of();
    }
    return annotations.keySet().stream().filter(IgnoreMarkers::isMarker).sorted().toList();
  }

  static boolean isMarker(String key) {
    if (key == null) {
      return false;
    }
    if (KNOWN.stream().anyMatch(p -> p.matcher(key).matches())) {
      return true;
    }
    String lower = key.toLowerCase(Locale.ROOT);
    return TOOL.matcher(lower).find() && SUPPRESSION.matcher(lower).find();
  }
}
