package io.jobguard.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.jobguard.model.ObjectRef;
import java.util.Objects;

/** A reference to a Kubernetes object: a Finding's subject or a link of its owner chain. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SubjectReference {
  @JsonPropertyDescription("API version, e.g. batch/v1.")
  private String apiVersion;

  @JsonPropertyDescription("Kind, e.g. CronJob.")
  private String kind;

  @JsonPropertyDescription("Namespace.")
  private String namespace;

  @JsonPropertyDescription("Name.")
  private String name;

  @JsonPropertyDescription("The object's uid; a re-created object with the same name has another.")
  private String uid;

  public SubjectReference() {}

  public static SubjectReference of(ObjectRef ref) {
    SubjectReference s = new SubjectReference();
    s.apiVersion = ref.apiVersion();
    s.kind = ref.kind();
    s.namespace = ref.namespace();
    s.name = ref.name();
    s.uid = ref.uid();
    return s;
  }

  public ObjectRef toObjectRef() {
    return new ObjectRef(apiVersion, kind, namespace, name, uid);
  }

  public String getApiVersion() {
    return apiVersion;
  }

  public void setApiVersion(String apiVersion) {
    this.apiVersion = apiVersion;
  }

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind;
  }

  public String getNamespace() {
    return namespace;
  }

  public void setNamespace(String namespace) {
    this.namespace = namespace;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getUid() {
    return uid;
  }

  public void setUid(String uid) {
    this.uid = uid;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SubjectReference s
        && Objects.equals(apiVersion, s.apiVersion)
        && Objects.equals(kind, s.kind)
        && Objects.equals(namespace, s.namespace)
        && Objects.equals(name, s.name)
        && Objects.equals(uid, s.uid);
  }

  @Override
  public int hashCode() {
    return Objects.hash(apiVersion, kind, namespace, name, uid);
  }
}
