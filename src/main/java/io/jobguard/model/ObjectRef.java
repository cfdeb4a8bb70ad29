package io.jobguard.model;

/** Identifies a Kubernetes object: the subject of a finding or a link of its owner chain. */
public record ObjectRef(String apiVersion, String kind, String namespace, String name, String uid) {

  /** A lower-case kind, as used in Finding names and metric labels. */
  public String kindLowerCase() {
    return kind == null ? "" : kind.toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  public String toString() {
    return kind + " " + namespace + "/" + name;
  }
}
