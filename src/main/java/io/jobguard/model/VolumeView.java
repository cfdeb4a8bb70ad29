package io.jobguard.model;

import io.fabric8.kubernetes.api.model.HostPathVolumeSource;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.List;

/** A pod volume joined to every container mount that uses it. */
public record VolumeView(int index, String path, Volume volume, List<MountView> mounts) {

  public String name() {
    return volume.getName();
  }

  public String field(String suffix) {
    return path + "." + suffix;
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
    return !mounts.isEmpty() && mounts.stream().allMatch(MountView::readOnly);
  }

  /** The first container that mounts this volume, or null when none does. */
  public String firstContainerName() {
    return mounts.isEmpty() ? null : mounts.get(0).container().name();
  }
}
