package io.jobguard.operator;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.jobguard.model.ObjectRef;
import io.jobguard.model.Workload;
import io.jobguard.operator.watch.WatchedKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Rolls an evaluated object up to its top-level controller (Pod → Job → CronJob, Pod → ReplicaSet →
 * Deployment), so a CronJob that runs every minute is one subject, not one per run.
 *
 * <p>Owner references are written by whoever creates the object, so they are evidence, not truth: a
 * link is followed only when it is the controller reference, points at a kind jobguard watches, and
 * an object of that name exists with exactly the referenced uid. Otherwise the object is its own
 * subject, so a forged reference cannot hide a Pod behind someone else's CronJob.
 */
public final class OwnerResolver {
  /** CronJob → Job → Pod is the deepest real chain; the bound stops reference cycles. */
  static final int MAX_DEPTH = 4;

  private final OwnerLookup lookup;

  public OwnerResolver(OwnerLookup lookup) {
    this.lookup = lookup;
  }

  public Rollup resolve(Workload workload) {
    ObjectRef current = workload.subject();
    List<ObjectRef> chain = new ArrayList<>(List.of(current));
    List<OwnerReference> refs = workload.ownerReferences();
    for (int depth = 0; depth < MAX_DEPTH; depth++) {
      ObjectRef child = current;
      Optional<Verified> owner = controllerOf(refs).flatMap(ref -> verify(ref, child));
      if (owner.isEmpty()) {
        break;
      }
      current = owner.get().ref();
      chain.add(current);
      refs = ownerRefsOf(owner.get().object());
    }
    return new Rollup(current, chain);
  }

  private static Optional<OwnerReference> controllerOf(List<OwnerReference> refs) {
    return refs == null
        ? Optional.empty()
        : refs.stream().filter(r -> Boolean.TRUE.equals(r.getController())).findFirst();
  }

  private Optional<Verified> verify(OwnerReference ref, ObjectRef child) {
    Optional<WatchedKind> kind = WatchedKind.of(ref.getApiVersion(), ref.getKind());
    if (kind.isEmpty() || ref.getUid() == null || ref.getName() == null) {
      return Optional.empty();
    }
    return lookup
        .find(kind.get(), child.namespace(), ref.getName())
        .filter(
            o -> o.getMetadata() != null && Objects.equals(o.getMetadata().getUid(), ref.getUid()))
        .map(o -> new Verified(o, refOf(kind.get(), child.namespace(), o)));
  }

  private static ObjectRef refOf(WatchedKind kind, String namespace, HasMetadata object) {
    return new ObjectRef(
        kind.apiVersion(),
        kind.kind(),
        namespace,
        object.getMetadata().getName(),
        object.getMetadata().getUid());
  }

  private static List<OwnerReference> ownerRefsOf(HasMetadata object) {
    return object.getMetadata().getOwnerReferences();
  }

  private record Verified(HasMetadata object, ObjectRef ref) {}
}
