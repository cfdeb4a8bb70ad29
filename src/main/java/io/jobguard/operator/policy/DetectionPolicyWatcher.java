package io.jobguard.operator.policy;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.jobguard.api.v1alpha1.DetectionPolicy;
import io.jobguard.api.v1alpha1.DetectionPolicyStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jboss.logging.Logger;

/**
 * Reads every DetectionPolicy (cluster-scoped) into the {@link ActivePolicy} and reports on each
 * whether it is valid. A plain informer rather than a JOSDK reconciler: it must have listed the
 * policies before the workload informers start, or the first evaluations after a restart would
 * ignore them, and it must see deletions without putting a finalizer on every policy.
 */
@ApplicationScoped
public class DetectionPolicyWatcher implements ResourceEventHandler<DetectionPolicy> {
  private static final Logger LOG = Logger.getLogger(DetectionPolicyWatcher.class);

  private final KubernetesClient client;
  private final PolicySet policies;
  private SharedIndexInformer<DetectionPolicy> informer;

  public DetectionPolicyWatcher(KubernetesClient client, ActivePolicy active) {
    this.client = client;
    this.policies = new PolicySet(active);
  }

  public synchronized CompletableFuture<Void> start() {
    informer = client.resources(DetectionPolicy.class).runnableInformer(0);
    informer.addEventHandler(this);
    return informer.start().toCompletableFuture();
  }

  public synchronized void stop() {
    if (informer != null) {
      informer.stop();
      informer = null;
    }
  }

  @Override
  public void onAdd(DetectionPolicy policy) {
    apply(policy);
  }

  @Override
  public void onUpdate(DetectionPolicy before, DetectionPolicy after) {
    apply(after);
  }

  @Override
  public void onDelete(DetectionPolicy policy, boolean finalStateUnknown) {
    policies.rebuild(informer.getStore().list());
  }

  private void apply(DetectionPolicy policy) {
    Optional<String> problem = policies.validate(policy);
    policies.rebuild(informer.getStore().list());
    DetectionPolicyStatus status = PolicyConditions.status(policy, problem);
    if (!status.equals(policy.getStatus())) {
      writeStatus(policy, status);
    }
  }

  private void writeStatus(DetectionPolicy policy, DetectionPolicyStatus status) {
    try {
      client
          .resources(DetectionPolicy.class)
          .withName(policy.getMetadata().getName())
          .editStatus(
              p -> {
                p.setStatus(status);
                return p;
              });
    } catch (KubernetesClientException e) {
      LOG.warnf(
          "could not write status of policy %s: %s",
          policy.getMetadata().getName(), e.getMessage());
    }
  }
}
