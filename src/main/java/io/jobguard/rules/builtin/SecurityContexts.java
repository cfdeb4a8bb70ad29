package io.jobguard.rules.builtin;

import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.jobguard.model.ContainerView;
import io.jobguard.model.PodSpecView;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Walks the pod-level security context and every container's (containers, init and ephemeral
 * containers alike). Several PSS controls accept the same setting at both levels, and Kubernetes
 * applies the container's over the pod's, so a rule must judge each place it is written.
 */
final class SecurityContexts {
  private SecurityContexts() {}

  /**
   * Every place that sets {@code name}: the pod's security context first, then each container's.
   *
   * @param name the field name shared by both levels, e.g. {@code seccompProfile}
   */
  static <T> List<SecuritySetting<T>> everywhere(
      PodSpecView pod,
      String name,
      Function<PodSecurityContext, T> podLevel,
      Function<SecurityContext, T> containerLevel) {
    PodSecurityContext podContext = pod.spec().getSecurityContext();
    T podValue = podContext == null ? null : podLevel.apply(podContext);
    List<SecuritySetting<T>> inContainers = inContainers(pod, name, containerLevel);
    if (podValue == null) {
      return inContainers;
    }
    List<SecuritySetting<T>> found = new ArrayList<>(inContainers.size() + 1);
    found.add(new SecuritySetting<>(pod, null, name, podValue));
    found.addAll(inContainers);
    return found;
  }

  /** Every container that sets {@code name} in its own security context. */
  static <T> List<SecuritySetting<T>> inContainers(
      PodSpecView pod, String name, Function<SecurityContext, T> containerLevel) {
    List<SecuritySetting<T>> found = new ArrayList<>(pod.containers().size());
    for (ContainerView c : pod.containers()) {
      SecurityContext context = c.container().getSecurityContext();
      T value = context == null ? null : containerLevel.apply(context);
      if (value != null) {
        found.add(new SecuritySetting<>(pod, c, name, value));
      }
    }
    return found;
  }
}
