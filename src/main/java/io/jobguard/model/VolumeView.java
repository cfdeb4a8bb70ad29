package io.jobguard.model;

import io.fabric8.kubernetes.api.model.HostPathVolumeSource;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.List;

/**
 * A pod volume joined to every container mount that uses it. Its path is spelled out only when
 * asked for, as for {@link ContainerView}.
 */
public final class VolumeView {
  private final int index;
  private final String specPath;
  private final Volume volume;
  private final List<MountView> mounts;
  private String path;

  /**
   * @param specPath the path of the pod spec that declares the volume
   */
  VolumeView(int index, String specPath, Volume volume, List<MountView> mounts) {
    this.index = index;
    this.specPath = specPath;
    this.volume = volume;
    this.mounts = mounts;
  }

  public int index() {
    return index;
  }

  /** The path of the volume, e.g. {@code spec.template.spec.volumes[2]}. */
  public String path() {
    String known = path;
    if (known == null) {
      known = specPath + ".volumes[" + index + "]";
      path = known;
    }
    return known;
  }

  public Volume volume() {
    return volume;
  }

  /** The container mounts of this volume, in container order. */
  public List<MountView> mounts() {
    return mounts;
  }

  public String name() {
    return volume.getName();
  }

  public String field(String suffix) {
    return path() + "." + suffix;
  }

  public HostPathVolumeSource hostPath() {
    return volume.getHostPath();
  }

  public boolean isHostPath() {
    return volume.getHostPath() != null;
  }

  /**
   * True only when the volume is mounted and every mount is read-only. An unmounted volume counts
   * as writable: an ephemeral container added later (kubectl debug) can mount it read-write.
   */
  public boolean mountedReadOnlyEverywhere() {
    if (mounts.isEmpty()) {
      return false;
    }
    for (MountView mount : mounts) {
      if (!mount.readOnly()) {
        return false;
      }
    }
    return true;
  }

  /** The first container that mounts this volume, or null when none does. */
  public String firstContainerName() {
    return mounts.isEmpty() ? null : mounts.get(0).container().name();
  }

  @Override
  public String toString() {
    return path() + " (" + name() + ")";
  }
}
