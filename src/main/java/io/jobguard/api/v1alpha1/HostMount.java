package io.jobguard.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

/** A hostPath volume of the pod template and where it is mounted. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class HostMount {
  @JsonPropertyDescription("Volume name.")
  private String volume;

  @JsonPropertyDescription("Host path.")
  private String path;

  @JsonPropertyDescription("hostPath type.")
  private String type;

  @JsonPropertyDescription("Mounting container.")
  private String container;

  @JsonPropertyDescription("Path inside the container.")
  private String mountPath;

  @JsonPropertyDescription("True when the mount is read-only.")
  private Boolean readOnly;

  public String getVolume() {
    return volume;
  }

  public void setVolume(String volume) {
    this.volume = volume;
  }

  public String getPath() {
    return path;
  }

  public void setPath(String path) {
    this.path = path;
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public String getContainer() {
    return container;
  }

  public void setContainer(String container) {
    this.container = container;
  }

  public String getMountPath() {
    return mountPath;
  }

  public void setMountPath(String mountPath) {
    this.mountPath = mountPath;
  }

  public Boolean getReadOnly() {
    return readOnly;
  }

  public void setReadOnly(Boolean readOnly) {
    this.readOnly = readOnly;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HostMount other
        && Objects.equals(volume, other.volume)
        && Objects.equals(path, other.path)
        && Objects.equals(type, other.type)
        && Objects.equals(container, other.container)
        && Objects.equals(mountPath, other.mountPath)
        && Objects.equals(readOnly, other.readOnly);
  }

  @Override
  public int hashCode() {
    return Objects.hash(volume, path, type, container, mountPath, readOnly);
  }
}
