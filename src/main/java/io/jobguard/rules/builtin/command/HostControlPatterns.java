package io.jobguard.rules.builtin.command;

import static io.jobguard.rules.builtin.command.ShellSyntax.GLOBAL_OPTIONS;
import static io.jobguard.rules.builtin.command.ShellSyntax.WITHIN_STATEMENT;
import static io.jobguard.rules.builtin.command.ShellSyntax.WORD_END;
import static io.jobguard.rules.builtin.command.ShellSyntax.WORD_START;

import io.jobguard.rules.Severity;

/** Control of the node beneath the pod: its container runtime, its kernel and its disks. */
final class HostControlPatterns {
  /** Flags that give a container started through the runtime the host, not a sandbox. */
  private static final String HOST_ACCESS_FLAG =
      "\\s(?:--privileged|--pid[\\s=]host|--net(?:work)?[\\s=]host|--ipc[\\s=]host|--uts[\\s=]host"
          + "|--userns[\\s=]host|--device[\\s=]|--cap-add[\\s=][\"']?(?:ALL|SYS_ADMIN|SYS_MODULE)"
          + "|(?:-v|--volume)[\\s=][\"']?/(?:[\"':]|(?:var/)?run|etc|root|proc|sys|dev|boot|usr"
          + "|lib|var/lib|home)"
          + "|--mount[\\s=]\\S{0,200}?(?:source|src)=/)";

  /**
   * Decision: a CI job that builds images or lists containers ({@code docker build}, {@code docker
   * ps}) or runs a plain container (dind test step) does not fire; docker, podman and nerdctl fire
   * when they run, create or exec with host access. crictl and ctr only talk to the node's CRI, so
   * any container they start or exec into is host control.
   */
  static final CommandPattern RUNTIME_CONTROL =
      new CommandPattern(
          "runtime-control",
          Severity.HIGH,
          "starts or enters containers through the node's container runtime",
          RegexMatcher.of(
              Signal.of(
                  "crictl|ctr",
                  WORD_START
                      + "(?:crictl|ctr)"
                      + GLOBAL_OPTIONS
                      + "\\s+(?:(?:containers?|c|tasks?|t)\\s+)?"
                      + "(?:run|runp|exec|create|start|attach)(?![\\w-])"),
              Signal.of(
                  "docker|podman|nerdctl",
                  WORD_START
                      + "(?:docker|podman|nerdctl)"
                      + GLOBAL_OPTIONS
                      + "\\s+(?:container\\s+)?(?:run|create|exec)(?![\\w-])"
                      + "(?=[^\\n;&|]{0,400}?"
                      + HOST_ACCESS_FLAG
                      + ")")));

  static final CommandPattern KERNEL_MODULE =
      new CommandPattern(
          "kernel-module",
          Severity.HIGH,
          "loads a kernel module into the node",
          RegexMatcher.of(
              Signal.of("insmod|modprobe", WORD_START + "(?:insmod|modprobe)" + WORD_END)));

  static final CommandPattern DISK_MOUNT =
      new CommandPattern(
          "disk-mount",
          Severity.HIGH,
          "mounts a block device of the node",
          RegexMatcher.of(
              Signal.of(
                  "mount",
                  WORD_START
                      + "mount\\s(?:[^\\n;&|]{0,200}?\\s)?[\"']?"
                      + "(?:/dev/(?!(?:null|zero|shm|pts|mqueue|hugepages|fuse|u?random)(?![\\w/]))"
                      + "[\\w.-]|(?:UUID|LABEL|PARTUUID)=)"),
              Signal.of(
                  "debugfs", WORD_START + "debugfs" + WITHIN_STATEMENT + "\\s[\"']?/dev/\\w")));

  private HostControlPatterns() {}
}
