package io.jobguard.operator;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.jobguard.operator.watch.WatchedKind;
import java.util.Optional;

/** Finds a possible owner object by kind, namespace and name. */
@FunctionalInterface
public interface OwnerLookup {
  Optional<HasMetadata> find(WatchedKind kind, String namespace, String name);
}
