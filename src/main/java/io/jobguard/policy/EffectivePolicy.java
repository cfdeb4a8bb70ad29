package io.jobguard.policy;

import io.jobguard.model.ObjectRef;
import io.jobguard.model.Workload;
import io.jobguard.rules.Detection;
import io.jobguard.rules.Profile;
import io.jobguard.rules.Rule;
import io.jobguard.rules.RuleCatalogue;
import io.jobguard.rules.RuleContext;
import io.jobguard.rules.RuleEngine;
import io.jobguard.rules.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The policy in force: which rules run, with which parameters and severities, and which exceptions
 * suppress what. The CLI ({@code scan --policy}) and the operator both evaluate workloads through
 * this one class, so they cannot disagree. Immutable and safe to share between threads.
 */
public final class EffectivePolicy {
  private final RuleCatalogue catalogue;
  private final Profile profile;
  private final Set<String> disabled;
  private final Map<String, Severity> severityOverrides;
  private final RuleContext context;
  private final List<ExceptionMatcher> exceptions;
  private final RuleEngine engine;

  private EffectivePolicy(
      RuleCatalogue catalogue,
      Profile profile,
      Set<String> disabled,
      Map<String, Severity> severityOverrides,
      RuleContext context,
      List<ExceptionMatcher> exceptions) {
    this.catalogue = catalogue;
    this.profile = profile;
    this.disabled = Set.copyOf(disabled);
    this.severityOverrides = Map.copyOf(severityOverrides);
    this.context =
        new RuleContext(
            profile,
            context.allowedRegistries(),
            context.extraSensitivePaths(),
            context.extraCommandPatterns());
    this.exceptions = List.copyOf(exceptions);
    this.engine =
        RuleEngine.of(
            catalogue, m -> profile.includes(m.profile()) && !this.disabled.contains(m.id()));
  }

  /** Every built-in rule of the profile, default severities, no exceptions. */
  public static EffectivePolicy defaults(Profile profile) {
    return defaults(profile, RuleCatalogue.builtin());
  }

  /** Every rule of the catalogue in the profile, default severities, no exceptions. */
  public static EffectivePolicy defaults(Profile profile, RuleCatalogue catalogue) {
    return new EffectivePolicy(
        catalogue,
        profile,
        Set.of(),
        Map.of(),
        new RuleContext(profile, List.of(), List.of(), List.of()),
        List.of());
  }

  /**
   * The policy a DetectionPolicy spec describes, over the built-in rules.
   *
   * @throws PolicyValidationException with every problem of the spec, each naming its field
   */
  public static EffectivePolicy from(DetectionPolicySpec spec) throws PolicyValidationException {
    return from(spec, RuleCatalogue.builtin());
  }

  /** The policy a DetectionPolicy spec describes, over the rules of {@code catalogue}. */
  public static EffectivePolicy from(DetectionPolicySpec spec, RuleCatalogue catalogue)
      throws PolicyValidationException {
    List<String> problems = PolicyValidator.validate(spec, catalogue);
    if (!problems.isEmpty()) {
      throw new PolicyValidationException(problems);
    }
    Profile profile =
        spec.getProfile() == null ? Profile.BASELINE : Profile.parse(spec.getProfile());
    Set<String> disabled = new HashSet<>();
    Map<String, Severity> overrides = new HashMap<>();
    for (RuleSettings rule : spec.getRules()) {
      if (Boolean.FALSE.equals(rule.getEnabled())) {
        disabled.add(rule.getId());
      }
      if (rule.getSeverity() != null) {
        overrides.put(rule.getId(), Severity.parse(rule.getSeverity()));
      }
    }
    List<ExceptionMatcher> exceptions =
        spec.getExceptions().stream().map(ExceptionMatcher::of).toList();
    return new EffectivePolicy(
        catalogue, profile, disabled, overrides, contextOf(profile, spec), exceptions);
  }

  private static RuleContext contextOf(Profile profile, DetectionPolicySpec spec) {
    List<String> paths = new ArrayList<>();
    List<RuleContext.NamedPattern> patterns = new ArrayList<>();
    for (RuleSettings rule : spec.getRules()) {
      if (rule.getParameters() != null) {
        paths.addAll(rule.getParameters().getSensitivePaths());
        for (CommandPatternSpec p : rule.getParameters().getCommandPatterns()) {
          patterns.add(new RuleContext.NamedPattern(p.getName(), Pattern.compile(p.getRegex())));
        }
      }
    }
    return new RuleContext(profile, spec.getAllowedRegistries(), paths, patterns);
  }

  /** The same policy under another profile, e.g. for {@code scan --profile}. */
  public EffectivePolicy withProfile(Profile newProfile) {
    return new EffectivePolicy(
        catalogue, newProfile, disabled, severityOverrides, context, exceptions);
  }

  public Profile profile() {
    return profile;
  }

  /** The configuration the rules read: profile, allowed registries and rule parameters. */
  public RuleContext context() {
    return context;
  }

  /** The rules that run, sorted by id: the profile's rules minus the disabled ones. */
  public List<Rule> rules() {
    return engine.rules();
  }

  /** The severity override for a rule, if the policy sets one. */
  public Optional<Severity> severityOverride(String ruleId) {
    return Optional.ofNullable(severityOverrides.get(ruleId));
  }

  /**
   * Every detection for a workload that is its own subject (a manifest in {@code scan}, a bare Pod
   * or Job, a top-level controller) at time {@code now}, against which exception expiry is judged.
   * Suppressed detections are returned too, marked with the first exception (in policy order) that
   * covers them and its reason, so callers can keep them as evidence.
   */
  public List<Detection> evaluate(Workload workload, Instant now) {
    return evaluate(workload, workload.subject(), now);
  }

  /**
   * Every detection for a workload that is reported on another subject: a Pod or Job evaluated in
   * the cluster whose verified owner chain leads to {@code subject} (e.g. the DaemonSet). Exception
   * namespaces, kinds and names match that subject, so an exception for {@code DaemonSet
   * kube-proxy} covers its pods in the operator exactly as it covers the manifest in {@code scan}.
   * Never pass an unverified owner: ownerReferences are written by whoever creates the object.
   */
  public List<Detection> evaluate(Workload workload, ObjectRef subject, Instant now) {
    List<Detection> detections = engine.evaluate(workload, context);
    if (detections.isEmpty()) {
      return List.of();
    }
    List<Detection> judged = new ArrayList<>(detections.size());
    for (Detection detection : detections) {
      judged.add(withException(withOverride(detection), workload, subject, now));
    }
    return Collections.unmodifiableList(judged);
  }

  /**
   * The earliest expiry after {@code now} of any exception: when it passes, detections it covered
   * are active again, so the operator re-evaluates then.
   */
  public Optional<Instant> nextExpiry(Instant now) {
    return exceptions.stream()
        .flatMap(e -> e.expires().stream())
        .filter(now::isBefore)
        .min(Instant::compareTo);
  }

  private Detection withOverride(Detection detection) {
    Severity override = severityOverrides.get(detection.ruleId());
    return override == null ? detection : detection.withSeverity(override);
  }

  private Detection withException(
      Detection detection, Workload workload, ObjectRef subject, Instant now) {
    for (ExceptionMatcher exception : exceptions) {
      if (exception.covers(detection.ruleId(), workload, subject, now)) {
        return detection.suppressedBy(exception.name(), exception.reason());
      }
    }
    return detection;
  }
}
