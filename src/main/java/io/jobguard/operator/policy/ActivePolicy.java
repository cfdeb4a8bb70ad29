package io.jobguard.operator.policy;

import io.jobguard.policy.EffectivePolicy;
import io.jobguard.rules.Profile;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The policy the operator evaluates with: the merge of all valid DetectionPolicies, or the baseline
 * defaults until one is read.
 */
@ApplicationScoped
public class ActivePolicy {
  private final AtomicReference<EffectivePolicy> current =
      new AtomicReference<>(EffectivePolicy.defaults(Profile.BASELINE));

  public EffectivePolicy current() {
    return current.get();
  }

  public void replace(EffectivePolicy policy) {
    current.set(policy);
  }
}
