package io.jobguard.model;

import io.fabric8.kubernetes.api.model.VolumeMount;

/** A volume mount of one container, with the path of the mount in its container. */
public record MountView(ContainerView container, int index, VolumeMount mount) {

  public String path() {
    return container.field("volumeMounts[" + index + "]");
  }

  public boolean readOnly() {
    return Boolean.TRUE.equals(mount.getReadOnly());
  }
}
