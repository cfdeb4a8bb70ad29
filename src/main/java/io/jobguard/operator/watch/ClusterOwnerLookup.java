package io.jobguard.operator.watch;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.jobguard.operator.OwnerLookup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Looks owners up in the informer caches, and asks the API server on a miss: the Job's watch event
 * can arrive before its CronJob's, and a miss must not be taken for a forged reference.
 */
@ApplicationScoped
public class ClusterOwnerLookup implements OwnerLookup {
  private static final Logger LOG = Logger.getLogger(ClusterOwnerLookup.class);

  private final WorkloadInformers informers;
  private final KubernetesClient client;

  public ClusterOwnerLookup(WorkloadInformers informers, KubernetesClient client) {
    this.informers = informers;
    this.client = client;
  }

  @Override
  public Optional<HasMetadata> find(WatchedKind kind, String namespace, String name) {
    Optional<? extends HasMetadata> cached = informers.cached(kind, namespace, name);
    if (cached.isPresent()) {
      return Optional.of(cached.get());
    }
    try {
      return Optional.ofNullable(
          client.resources(kind.type()).inNamespace(namespace).withName(name).get());
    } catch (KubernetesClientException e) {
      LOG.warnf("could not look up %s %s/%s: %s", kind.kind(), namespace, name, e.getMessage());
      return Optional.empty();
    }
  }
}
