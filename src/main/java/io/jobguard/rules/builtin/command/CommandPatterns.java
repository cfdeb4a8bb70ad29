package io.jobguard.rules.builtin.command;

import io.jobguard.rules.RuleContext;
import io.jobguard.rules.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The built-in catalogue of command tradecraft (SPEC §4.2), plus the patterns a policy adds. */
public final class CommandPatterns {
  private static final List<CommandPattern> BUILTIN =
      List.of(
              ExecutionPatterns.DOWNLOAD_AND_EXECUTE,
              ExecutionPatterns.ENCODED_EXECUTE,
              ExecutionPatterns.REVERSE_SHELL,
              ExecutionPatterns.HOST_NAMESPACE_ENTRY,
              PersistencePatterns.CRON_PERSISTENCE,
              PersistencePatterns.SYSTEMD_PERSISTENCE,
              PersistencePatterns.AT_PERSISTENCE,
              ClusterAbusePatterns.CRYPTO_MINER,
              ClusterAbusePatterns.WORKLOAD_CREATION,
              HostControlPatterns.RUNTIME_CONTROL,
              HostControlPatterns.KERNEL_MODULE,
              HostControlPatterns.DISK_MOUNT)
          .stream()
          .map(RememberingMatcher::remembering)
          .toList();

  private static final List<String> BUILTIN_NAMES =
      BUILTIN.stream().map(CommandPattern::name).toList();

  private CommandPatterns() {}

  /** The built-in patterns, in SPEC order. */
  public static List<CommandPattern> builtin() {
    return BUILTIN;
  }

  /**
   * The patterns for one container: the built-in ones, with host-namespace-entry also watching
   * chroot into the container's own hostPath mounts, then the policy's own patterns, which report
   * at high severity.
   */
  public static List<CommandPattern> forContainer(
      List<String> hostMountPaths, List<RuleContext.NamedPattern> extras) {
    Optional<CommandMatcher> chroot = HostMountChroot.into(hostMountPaths);
    if (extras.isEmpty() && chroot.isEmpty()) {
      return BUILTIN;
    }
    List<CommandPattern> all = new ArrayList<>(BUILTIN);
    chroot.ifPresent(
        matcher -> {
          int index = BUILTIN_NAMES.indexOf(ExecutionPatterns.HOST_NAMESPACE_ENTRY.name());
          CommandPattern entry = all.get(index);
          all.set(
              index,
              new CommandPattern(
                  entry.name(),
                  entry.severity(),
                  entry.behaviour(),
                  new AnyOfMatcher(entry.matcher(), matcher)));
        });
    for (RuleContext.NamedPattern extra : extras) {
      all.add(
          new CommandPattern(
              extra.name(),
              Severity.HIGH,
              "matches the policy's command pattern '" + extra.name() + "'",
              RegexMatcher.of(Signal.ungated(extra.pattern()))));
    }
    return all;
  }
}
