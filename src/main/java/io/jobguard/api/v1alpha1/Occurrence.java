package io.jobguard.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

/** A Job or Pod through which the finding was seen again. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class Occurrence {
  @JsonPropertyDescription("Kind of the object that showed the finding (Job or Pod).")
  private String kind;

  @JsonPropertyDescription("Its name.")
  private String name;

  @JsonPropertyDescription("Its uid.")
  private String uid;

  @JsonPropertyDescription("RFC 3339 time.")
  private String seenAt;

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind;
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

  public String getSeenAt() {
    return seenAt;
  }

  public void setSeenAt(String seenAt) {
    this.seenAt = seenAt;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Occurrence other
        && Objects.equals(kind, other.kind)
        && Objects.equals(name, other.name)
        && Objects.equals(uid, other.uid)
        && Objects.equals(seenAt, other.seenAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, name, uid, seenAt);
  }
}
