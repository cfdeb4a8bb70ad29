package io.jobguard.operator.policy;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.jobguard.api.v1alpha1.DetectionPolicy;
import io.jobguard.policy.DetectionPolicySpec;
import io.jobguard.policy.EffectivePolicy;
import io.jobguard.policy.PolicyMerge;
import io.jobguard.policy.PolicyValidationException;
import io.jobguard.rules.Profile;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * The last valid version of every DetectionPolicy, merged into the {@link ActivePolicy} exactly as
 * {@code scan --policy} would apply them. An invalid edit never replaces the last valid version.
 */
final class PolicySet {
  private static final Logger LOG = Logger.getLogger(PolicySet.class);

  private final ActivePolicy active;
  private final Map<String, DetectionPolicySpec> lastValid = new HashMap<>();

  PolicySet(ActivePolicy active) {
    this.active = active;
  }

  /** Empty when the policy is valid (and now its last valid version); else what is wrong. */
  synchronized Optional<String> validate(DetectionPolicy policy) {
    DetectionPolicySpec spec =
        policy.getSpec() == null ? new DetectionPolicySpec() : policy.getSpec();
    try {
      EffectivePolicy.from(spec);
      lastValid.put(policy.getMetadata().getName(), spec);
      return Optional.empty();
    } catch (PolicyValidationException e) {
      return Optional.of(String.join("; ", e.problems()));
    } catch (RuntimeException e) {
      return Optional.of("spec: " + e.getMessage());
    }
  }

  /**
   * Re-merges the policies that exist now; deleted ones are forgotten. The active policy changes
   * only when the merged spec does, so status writes of our own do not re-judge every Finding.
   */
  synchronized void rebuild(Collection<DetectionPolicy> existing) {
    SortedMap<String, DetectionPolicySpec> byName = new TreeMap<>();
    for (DetectionPolicy policy : existing) {
      String name = policy.getMetadata().getName();
      validate(policy);
      if (lastValid.containsKey(name)) {
        byName.put(name, lastValid.get(name));
      }
    }
    lastValid.keySet().retainAll(byName.keySet());
    try {
      if (byName.isEmpty()) {
        active.replace(EffectivePolicy.defaults(Profile.BASELINE), "");
      } else {
        DetectionPolicySpec merged = PolicyMerge.merge(byName);
        active.replace(EffectivePolicy.from(merged), Serialization.asJson(merged));
      }
    } catch (PolicyValidationException | RuntimeException e) {
      LOG.errorf("merged policies are invalid, keeping the previous one: %s", e.getMessage());
    }
  }
}
