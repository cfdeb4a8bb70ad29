package io.jobguard.rules.hostpath;

import java.util.Set;

/**
 * The node locations the host-path rules know (SPEC §4.2), as data so rules and documentation share
 * one list. Paths under {@code /var/run} are written as {@code /run}: {@link HostPath} reads both
 * the same way.
 */
public final class HostLocations {

  /**
   * Where cron, anacron and at pick up jobs: a write there runs as root on the node
   * (T1053.003/.002).
   */
  public static final HostLocationSet CRON =
      HostLocationSet.of(
          "cron and at job locations",
          "/etc/crontab",
          "/etc/cron.d",
          "/etc/cron.hourly",
          "/etc/cron.daily",
          "/etc/cron.weekly",
          "/etc/cron.monthly",
          "/etc/anacrontab",
          "/var/spool/cron",
          "/var/spool/cron/crontabs",
          "/var/spool/anacron",
          "/var/spool/at",
          "/var/spool/atjobs",
          "/etc/at.allow",
          "/etc/at.deny");

  /** Where systemd and SysV init load units, timers and boot scripts from (T1053.006). */
  public static final HostLocationSet SYSTEMD =
      HostLocationSet.of(
          "systemd unit and init script locations",
          "/etc/systemd",
          "/lib/systemd",
          "/usr/lib/systemd",
          "/run/systemd",
          "/etc/init.d",
          "/etc/rc.local",
          "/root/.config/systemd",
          "/home/*/.config/systemd");

  /**
   * Container runtime API sockets: whoever can connect starts privileged containers on the node.
   * Files elsewhere are caught by {@link #RUNTIME_SOCKET_NAMES}; these entries make the directories
   * that hold them ({@code /run}, {@code /run/containerd}, ...) count too. Beyond SPEC's list:
   * k3s/RKE2's containerd, Docker's embedded containerd and rootful Podman.
   */
  public static final HostLocationSet RUNTIME_SOCKETS =
      HostLocationSet.of(
          "container runtime sockets",
          "/run/docker.sock",
          "/run/containerd.sock",
          "/run/crio.sock",
          "/run/cri-dockerd.sock",
          "/run/docker/containerd/containerd.sock",
          "/run/containerd/containerd.sock",
          "/run/crio/crio.sock",
          "/run/k3s/containerd/containerd.sock",
          "/run/podman/podman.sock");

  /** A runtime socket is dangerous wherever it lives (microk8s, custom data roots). */
  public static final Set<String> RUNTIME_SOCKET_NAMES =
      Set.of("docker.sock", "containerd.sock", "crio.sock", "cri-dockerd.sock", "podman.sock");

  /**
   * Directories sensitive as a whole; their subdirectories are not ({@code /etc/ssl/certs} is a
   * routine read-only mount). {@code /usr/lib/modules} is {@code /lib/modules} on merged-/usr
   * distributions.
   */
  public static final HostLocationSet SENSITIVE_DIRECTORIES =
      HostLocationSet.of(
          "sensitive host directories",
          "/",
          "/etc",
          "/root",
          "/home",
          "/boot",
          "/lib/modules",
          "/usr/lib/modules",
          "/proc",
          "/sys",
          "/usr",
          "/var",
          "/var/lib");

  /** Trees where everything is sensitive: credentials, kubelet and runtime state. */
  public static final HostLocationSet SENSITIVE_TREES =
      HostLocationSet.of(
          "sensitive host trees",
          "/root",
          "/etc/kubernetes",
          "/var/lib/kubelet",
          "/var/lib/docker",
          "/var/lib/containerd");

  /** Device nodes: raw disks and kernel interfaces. */
  public static final HostLocation DEVICES = HostLocation.of("/dev");

  private HostLocations() {}
}
