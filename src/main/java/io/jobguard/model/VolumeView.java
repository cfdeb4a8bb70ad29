package io.jobguard.model;

import io.fabric8.kubernetes.api.model.HostPathVolumeSource;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.util.ArrayList;
import java.util.List;

/**
 * A pod volume joined to every container mount that uses it. Its path and its mounts are found only
 * when asked for: most rules read neither, and most volumes never appear in evidence.
 */
public final class VolumeView {
  private final int index;
  private final String specPath;
  private final Volume volume;
  private final List<ContainerView> containers;
  private String path;
  private List<MountView> mounts;

  /**
   * @param specPath the path of the pod spec that declares the volume
   * @param containers every container of the pod spec, whose mounts may use the volume
   */
  VolumeView(int index, String specPath, Volume volume, List<ContainerView> containers) {
    this.index = index;
    this.specPath = specPath;
    this.volume = volume;
    this.containers = containers;
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
    List<MountView> known = mounts;
    if (known == null) {
      known = mountsOf(containers, volume.getName());
      mounts = known;
    }
    return known;
  }

  private static List<MountView> mountsOf(List<ContainerView> containers, String volumeName) {
    if (volumeName == null) {
      return List.of();
    }
    List<MountView> found = new ArrayList<>(2);
    for (ContainerView container : containers) {
      List<VolumeMount> containerMounts = container.container().getVolumeMounts();
      for (int i = 0; containerMounts != null && i < containerMounts.size(); i++) {
        VolumeMount mount = containerMounts.get(i);
        if (mount != null && volumeName.equals(mount.getName())) {
          found.add(new MountView(container, i, mount));
        }
      }
    }
    // immutable, so a view read by several threads may compute it twice but never sees it partly
    return List.copyOf(found);
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
    List<MountView> mounts = mounts();
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
    List<MountView> mounts = mounts();
    return mounts.isEmpty() ? null : mounts.get(0).container().name();
  }

  @Override
  public String toString() {
    return path() + " (" + name() + ")";
  }
}
