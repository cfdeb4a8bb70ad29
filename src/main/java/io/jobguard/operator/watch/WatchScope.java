package io.jobguard.operator.watch;

import io.jobguard.operator.JobguardConfig;
import java.util.List;
import java.util.Set;

/**
 * Which namespaces are watched: a configured list (one watch per namespace), or all namespaces
 * minus an exclusion list (one cluster-wide watch with a field selector), and of those only the
 * ones this deployment's {@link NamespaceShard} owns.
 */
public record WatchScope(List<String> namespaces, Set<String> excluded, NamespaceShard shard) {

  public WatchScope(List<String> namespaces, Set<String> excluded) {
    this(namespaces, excluded, new NamespaceShard.All());
  }

  public static WatchScope of(JobguardConfig config) {
    List<String> namespaces =
        config.watch().namespaces().orElse(List.of()).stream()
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .distinct()
            .toList();
    Set<String> excluded =
        Set.copyOf(
            config.watch().excludeNamespaces().orElse(List.of()).stream()
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList());
    return new WatchScope(namespaces, excluded, NamespaceShard.of(config.shard()));
  }

  public boolean allNamespaces() {
    return namespaces.isEmpty();
  }

  /** Whether an object in this namespace is in scope (the exclusion list always wins). */
  public boolean includes(String namespace) {
    return !excluded.contains(namespace)
        && (allNamespaces() || namespaces.contains(namespace))
        && shard.owns(namespace);
  }

  public String describe() {
    String watched = allNamespaces() ? "all namespaces" : "namespaces " + namespaces;
    return shard instanceof NamespaceShard.All ? watched : watched + ", " + shard.describe();
  }
}
