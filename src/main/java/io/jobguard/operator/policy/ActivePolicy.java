package io.jobguard.operator.policy;

import io.jobguard.policy.EffectivePolicy;
import io.jobguard.rules.Profile;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The policy the operator evaluates with: the merge of all valid DetectionPolicies, or the baseline
 * defaults until one is read. Listeners hear of every real change (not of status-only policy
 * updates), so existing Findings can be judged again.
 */
@ApplicationScoped
public class ActivePolicy {
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
  private volatile EffectivePolicy current = EffectivePolicy.defaults(Profile.BASELINE);
  private volatile String fingerprint = "";

  public EffectivePolicy current() {
    return current;
  }

  /**
   * Makes {@code policy} the active one unless its {@code fingerprint} (the merged spec it was
   * built from) equals the active one's.
   *
   * @return whether the active policy changed
   */
  public boolean replace(EffectivePolicy policy, String newFingerprint) {
    synchronized (this) {
      if (Objects.equals(fingerprint, newFingerprint)) {
        return false;
      }
      current = policy;
      fingerprint = newFingerprint;
    }
    listeners.forEach(Runnable::run);
    return true;
  }

  /** Called after each change, on the thread that made it; keep it short. */
  public void onChange(Runnable listener) {
    listeners.add(listener);
  }
}
