package io.jobguard.operator.policy;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.jobguard.api.v1alpha1.DetectionPolicy;
import io.jobguard.api.v1alpha1.DetectionPolicyStatus;
import io.jobguard.policy.DetectionPolicySpec;
import io.jobguard.policy.EffectivePolicy;
import io.jobguard.policy.PolicyMerge;
import io.jobguard.policy.PolicyValidationException;
import io.jobguard.rules.Profile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Reads every DetectionPolicy into the {@link ActivePolicy}, the same way {@code scan --policy}
 * applies one, and reports on each whether it is valid. An invalid policy never replaces its last
 * valid version. Deletions reach the reconciler without a finalizer (which would block deleting a
 * policy once jobguard is uninstalled), and the merge is redone periodically from the cache.
 */
@ControllerConfiguration(name = "detection-policy", triggerReconcilerOnAllEvents = true)
public class DetectionPolicyReconciler implements Reconciler<DetectionPolicy> {
  static final Duration RESYNC = Duration.ofMinutes(5);

  private static final Logger LOG = Logger.getLogger(DetectionPolicyReconciler.class);

  private final ActivePolicy active;
  private final Map<String, DetectionPolicySpec> lastValid = new ConcurrentHashMap<>();

  public DetectionPolicyReconciler(ActivePolicy active) {
    this.active = active;
  }

  @Override
  public UpdateControl<DetectionPolicy> reconcile(
      DetectionPolicy policy, Context<DetectionPolicy> context) {
    String name = policy.getMetadata().getName();
    if (context.isPrimaryResourceDeleted()) {
      lastValid.remove(name);
      rebuild(
          context
              .getPrimaryCache()
              .list()
              .filter(p -> !name.equals(p.getMetadata().getName()))
              .toList());
      return UpdateControl.noUpdate();
    }
    Optional<String> problem = validate(policy);
    rebuild(context.getPrimaryCache().list().toList());
    DetectionPolicyStatus status = PolicyConditions.status(policy, problem);
    if (status.equals(policy.getStatus())) {
      return UpdateControl.<DetectionPolicy>noUpdate().rescheduleAfter(RESYNC);
    }
    policy.setStatus(status);
    return UpdateControl.patchStatus(policy).rescheduleAfter(RESYNC);
  }

  /** Empty when valid (and remembered as the last valid version); else what is wrong. */
  private Optional<String> validate(DetectionPolicy policy) {
    DetectionPolicySpec spec = specOf(policy);
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

  private void rebuild(List<DetectionPolicy> policies) {
    SortedMap<String, DetectionPolicySpec> byName = new TreeMap<>();
    for (DetectionPolicy p : policies) {
      String name = p.getMetadata().getName();
      if (validate(p).isEmpty() || lastValid.containsKey(name)) {
        byName.put(name, lastValid.get(name));
      }
    }
    lastValid.keySet().retainAll(byName.keySet());
    try {
      active.replace(
          byName.isEmpty()
              ? EffectivePolicy.defaults(Profile.BASELINE)
              : EffectivePolicy.from(PolicyMerge.merge(byName)));
    } catch (PolicyValidationException | RuntimeException e) {
      LOG.errorf("merged policies are invalid, keeping the previous one: %s", e.getMessage());
    }
  }

  private static DetectionPolicySpec specOf(DetectionPolicy policy) {
    return policy.getSpec() == null ? new DetectionPolicySpec() : policy.getSpec();
  }
}
