package io.jobguard.operator.watch;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Keeps the members of a label-selector shard from a Namespace informer. A namespace that joins
 * after the first list is reported, so that the workloads already in it get judged.
 */
public final class ShardMembership implements ResourceEventHandler<Namespace> {
  private static final Logger LOG = Logger.getLogger(ShardMembership.class);

  private final NamespaceShard.BySelector shard;
  private final Consumer<String> onJoin;
  private SharedIndexInformer<Namespace> informer;
  private volatile CompletableFuture<Void> listed;

  private ShardMembership(NamespaceShard.BySelector shard, Consumer<String> onJoin) {
    this.shard = shard;
    this.onJoin = onJoin;
  }

  /** Starts watching the selected namespaces; completes when the first list is in. */
  public static ShardMembership start(
      KubernetesClient client, NamespaceShard.BySelector shard, Consumer<String> onJoin) {
    ShardMembership membership = new ShardMembership(shard, onJoin);
    membership.informer =
        client.namespaces().withLabelSelector(shard.selector()).runnableInformer(0);
    membership.informer.addEventHandler(membership);
    membership.listed =
        membership
            .informer
            .start()
            .toCompletableFuture()
            // The members of the first list are known before anyone asks the shard: their add
            // events may still be on their way, and must not look like namespaces joining.
            .thenRun(() -> membership.informer.getStore().list().forEach(membership::joinQuietly));
    return membership;
  }

  public CompletableFuture<Void> synced() {
    return listed;
  }

  private void joinQuietly(Namespace namespace) {
    shard.join(namespace.getMetadata().getName());
  }

  public boolean hasSynced() {
    return informer.hasSynced();
  }

  public void stop() {
    informer.stop();
  }

  @Override
  public void onAdd(Namespace namespace) {
    if (shard.join(namespace.getMetadata().getName()) && listed != null && listed.isDone()) {
      onJoin.accept(namespace.getMetadata().getName());
    }
  }

  @Override
  public void onUpdate(Namespace before, Namespace after) {
    // The informer's selector filters on the server: an update still matches.
  }

  @Override
  public void onDelete(Namespace namespace, boolean finalStateUnknown) {
    if (shard.leave(namespace.getMetadata().getName())) {
      LOG.infof("namespace %s left %s", namespace.getMetadata().getName(), shard.describe());
    }
  }
}
