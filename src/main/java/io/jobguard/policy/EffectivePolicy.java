package io.jobguard.policy;

import io.jobguard.model.Workload;
import io.jobguard.rules.Detection;
import io.jobguard.rules.Profile;
import io.jobguard.rules.RuleCatalogue;
import io.jobguard.rules.RuleContext;
import io.jobguard.rules.RuleEngine;
import io.jobguard.rules.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The policy in force: which rules run, with which parameters and severities, and which exceptions
 * suppress what. The CLI ({@code scan --policy}) and the operator both evaluate workloads through
 * this one class, so they cannot disagree.
 */
public final class EffectivePolicy {
  private final Profile profile;
  private final RuleEngine engine;
  private final RuleContext context;
  private final Map<String, Severity> severityOverrides;

  private EffectivePolicy(
      Profile profile, RuleEngine engine, RuleContext context, Map<String, Severity> overrides) {
    this.profile = profile;
    this.engine = engine;
    this.context = context;
    this.severityOverrides = Map.copyOf(overrides);
  }

  /** Every built-in rule of the profile, default severities, no exceptions. */
  public static EffectivePolicy defaults(Profile profile) {
    return new EffectivePolicy(
        profile,
        RuleEngine.of(RuleCatalogue.builtin(), m -> profile.includes(m.profile())),
        new RuleContext(profile, List.of(), List.of(), List.of()),
        Map.of());
  }

  /** The policy a DetectionPolicy spec describes. */
  public static EffectivePolicy from(DetectionPolicySpec spec) throws PolicyValidationException {
    Profile profile =
        spec.getProfile() == null ? Profile.BASELINE : Profile.parse(spec.getProfile());
    Set<String> disabled =
        spec.getRules().stream()
            .filter(r -> Boolean.FALSE.equals(r.getEnabled()))
            .map(RuleSettings::getId)
            .collect(Collectors.toSet());
    Map<String, Severity> overrides =
        spec.getRules().stream()
            .filter(r -> r.getSeverity() != null)
            .collect(Collectors.toMap(RuleSettings::getId, r -> Severity.parse(r.getSeverity())));
    RuleEngine engine =
        RuleEngine.of(
            RuleCatalogue.builtin(),
            m -> profile.includes(m.profile()) && !disabled.contains(m.id()));
    return new EffectivePolicy(profile, engine, contextOf(profile, spec), overrides);
  }

  private static RuleContext contextOf(Profile profile, DetectionPolicySpec spec) {
    List<String> paths = new ArrayList<>();
    List<RuleContext.NamedPattern> patterns = new ArrayList<>();
    for (RuleSettings rule : spec.getRules()) {
      if (rule.getParameters() != null) {
        paths.addAll(rule.getParameters().getSensitivePaths());
        rule.getParameters()
            .getCommandPatterns()
            .forEach(
                p ->
                    patterns.add(
                        new RuleContext.NamedPattern(p.getName(), Pattern.compile(p.getRegex()))));
      }
    }
    return new RuleContext(profile, spec.getAllowedRegistries(), paths, patterns);
  }

  public Profile profile() {
    return profile;
  }

  /**
   * Every detection for the workload at time {@code now} (exception expiry is judged against it).
   * Suppressed detections are returned too, marked with the exception that covers them, so callers
   * can keep them as evidence.
   */
  public List<Detection> evaluate(Workload workload, Instant now) {
    return engine.evaluate(workload, context).stream().map(this::withOverride).toList();
  }

  private Detection withOverride(Detection detection) {
    Severity override = severityOverrides.get(detection.ruleId());
    return override == null ? detection : detection.withSeverity(override);
  }
}
