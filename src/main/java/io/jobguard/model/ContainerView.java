package io.jobguard.model;

import io.fabric8.kubernetes.api.model.Container;

/**
 * One container of a pod spec with the field path that names it, e.g. {@code
 * spec.template.spec.initContainers[1]}. Ephemeral containers are carried as {@link Container}
 * because they share every field the rules read. The path is spelled out only when asked for: a
 * view is made for every container of every object seen, and a path is needed only for evidence.
 */
public final class ContainerView {
  private final ContainerType type;
  private final int index;
  private final String specPath;
  private final Container container;
  private String path;

  /**
   * @param specPath the path of the pod spec that holds the container
   */
  ContainerView(ContainerType type, int index, String specPath, Container container) {
    this.type = type;
    this.index = index;
    this.specPath = specPath;
    this.container = container;
  }

  public ContainerType type() {
    return type;
  }

  public int index() {
    return index;
  }

  /** The path of the container, e.g. {@code spec.template.spec.initContainers[1]}. */
  public String path() {
    String known = path;
    if (known == null) {
      known = specPath + "." + type.field() + "[" + index + "]";
      path = known;
    }
    return known;
  }

  public Container container() {
    return container;
  }

  public String name() {
    return container.getName();
  }

  /** The path of a field below this container, e.g. {@code field("securityContext.privileged")}. */
  public String field(String suffix) {
    return path() + "." + suffix;
  }

  @Override
  public String toString() {
    return path() + " (" + name() + ")";
  }
}
