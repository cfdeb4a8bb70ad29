package io.jobguard.policy;

import io.jobguard.model.Workload;
import io.jobguard.rules.Detection;
import io.jobguard.rules.Profile;
import io.jobguard.rules.RuleCatalogue;
import io.jobguard.rules.RuleContext;
import io.jobguard.rules.RuleEngine;
import java.time.Instant;
import java.util.List;

/**
 * The policy in force: which rules run, with which parameters and severities, and which exceptions
 * suppress what. The CLI ({@code scan --policy}) and the operator both evaluate workloads through
 * this one class, so they cannot disagree.
 */
public final class EffectivePolicy {
  private final Profile profile;
  private final RuleEngine engine;
  private final RuleContext context;

  private EffectivePolicy(Profile profile, RuleEngine engine, RuleContext context) {
    this.profile = profile;
    this.engine = engine;
    this.context = context;
  }

  /** Every built-in rule of the profile, default severities, no exceptions. */
  public static EffectivePolicy defaults(Profile profile) {
    return new EffectivePolicy(
        profile,
        RuleEngine.of(RuleCatalogue.builtin(), m -> profile.includes(m.profile())),
        RuleContext.defaults());
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
    return engine.evaluate(workload, context);
  }
}
