package io.jobguard.model;

import io.fabric8.kubernetes.api.model.Container;

/**
 * One container of a pod spec with the field path that names it, e.g. {@code
 * spec.template.spec.initContainers[1]}. Ephemeral containers are carried as {@link Container}
 * because they share every field the rules read.
 */
public record ContainerView(ContainerType type, int index, String path, Container container) {

  public String name() {
    return container.getName();
  }

  /** The path of a field below this container, e.g. {@code field("securityContext.privileged")}. */
  public String field(String suffix) {
    return path + "." + suffix;
  }
}
