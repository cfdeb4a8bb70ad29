package io.jobguard.rules.hostpath;

import io.jobguard.model.MountView;
import io.jobguard.model.VolumeView;
import io.jobguard.model.Workload;
import io.jobguard.rules.Evidence;
import io.jobguard.rules.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A hostPath volume of a pod spec with its resolved path: what every host-path rule inspects. */
public record HostPathVolume(VolumeView volume, HostPath path) {

  /** The hostPath volumes of the workload's pod spec, in declaration order. */
  public static List<HostPathVolume> in(Workload workload) {
    List<HostPathVolume> found = List.of();
    for (VolumeView v : workload.podSpec().volumes()) {
      if (v.isHostPath()) {
        if (found.isEmpty()) {
          found = new ArrayList<>();
        }
        found.add(new HostPathVolume(v, HostPath.of(v.hostPath().getPath())));
      }
    }
    return found;
  }

  /**
   * Evidence for every hostPath volume whose path {@code reach} places somewhere (the phrase it
   * returns ends up in the message), at the severity {@code severity} gives that volume.
   */
  public static List<Evidence> reaching(
      Workload workload,
      Function<HostPath, Optional<String>> reach,
      Function<HostPathVolume, Severity> severity) {
    List<Evidence> found = new ArrayList<>();
    for (HostPathVolume volume : in(workload)) {
      reach
          .apply(volume.path())
          .ifPresent(r -> found.add(volume.evidence(severity.apply(volume), r)));
    }
    return found;
  }

  /** The field that holds the path, e.g. {@code spec.template.spec.volumes[0].hostPath.path}. */
  public String pathField() {
    return volume.field("hostPath.path");
  }

  /** The declared hostPath type ("" when unset), e.g. {@code CharDevice}. */
  public String type() {
    String type = volume.hostPath().getType();
    return type == null ? "" : type;
  }

  /**
   * True only when mounted and read-only everywhere; an unmounted volume counts as writable because
   * an ephemeral container can still mount it read-write.
   */
  public boolean readOnly() {
    return volume.mountedReadOnlyEverywhere();
  }

  /**
   * Evidence on the path field: "Volume 'x' mounts host path P {reach}; mounted read-write at /m in
   * container 'c'."
   */
  public Evidence evidence(Severity severity, String reach) {
    return evidenceOn(pathField(), path.written(), severity, reach);
  }

  /** Evidence on another field of the volume, with the same message shape. */
  public Evidence evidenceOn(String field, String value, Severity severity, String reach) {
    String message =
        "Volume '"
            + volume.name()
            + "' mounts "
            + path.describe()
            + ", which "
            + reach
            + "; "
            + mounts()
            + ".";
    return Evidence.of(container(), field, value, severity, message);
  }

  /**
   * The container evidence names: the first that mounts the volume read-write, since that is the
   * one that can plant files, else the first that mounts it at all; null when none does.
   */
  public String container() {
    return volume.mounts().stream()
        .filter(m -> !m.readOnly())
        .findFirst()
        .map(m -> m.container().name())
        .orElseGet(volume::firstContainerName);
  }

  /** Where and how the volume is mounted, for messages. */
  public String mounts() {
    if (volume.mounts().isEmpty()) {
      return "no container mounts it yet, so it counts as writable"
          + " (an ephemeral container can mount it read-write later)";
    }
    if (readOnly()) {
      return "read-only everywhere: "
          + volume.mounts().stream().map(HostPathVolume::place).collect(Collectors.joining(", "));
    }
    return "writable: "
        + volume.mounts().stream()
            .map(m -> (m.readOnly() ? "read-only " : "read-write ") + place(m))
            .collect(Collectors.joining(", "));
  }

  private static String place(MountView mount) {
    String subPath = mount.mount().getSubPath();
    return "at "
        + mount.mount().getMountPath()
        + (subPath == null || subPath.isEmpty() ? "" : " (subPath " + subPath + ")")
        + " in "
        + containerWord(mount)
        + " '"
        + mount.container().name()
        + "'";
  }

  private static String containerWord(MountView mount) {
    return switch (mount.container().type()) {
      case CONTAINER -> "container";
      case INIT_CONTAINER -> "init container";
      case EPHEMERAL_CONTAINER -> "ephemeral container";
    };
  }
}
