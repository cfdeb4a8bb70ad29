package io.jobguard.model;

/** The three lists of a pod spec that hold containers; every rule looks at all of them. */
public enum ContainerType {
  CONTAINER("containers"),
  INIT_CONTAINER("initContainers"),
  EPHEMERAL_CONTAINER("ephemeralContainers");

  private final String field;

  ContainerType(String field) {
    this.field = field;
  }

  /** The pod spec field that holds this list. */
  public String field() {
    return field;
  }
}
