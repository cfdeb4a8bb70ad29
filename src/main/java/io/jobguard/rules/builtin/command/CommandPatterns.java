package io.jobguard.rules.builtin.command;

import io.jobguard.rules.RuleContext;
import io.jobguard.rules.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

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
          HostControlPatterns.DISK_MOUNT);

  private static final int HOST_NAMESPACE_ENTRY =
      BUILTIN.indexOf(ExecutionPatterns.HOST_NAMESPACE_ENTRY);

  private static final RememberedVerdicts BUILTIN_VERDICTS = new RememberedVerdicts(BUILTIN);

  private CommandPatterns() {}

  /** Where a pattern first shows in a container's command. */
  public record Found(CommandPattern pattern, ContainerCommand.Match match) {}

  /** The built-in patterns, in SPEC order. */
  public static List<CommandPattern> builtin() {
    return BUILTIN;
  }

  /** The policy's own patterns, which report at high severity. */
  public static List<CommandPattern> ofPolicy(List<RuleContext.NamedPattern> extras) {
    List<CommandPattern> patterns = new ArrayList<>(extras.size());
    for (RuleContext.NamedPattern extra : extras) {
      patterns.add(
          new CommandPattern(
              extra.name(),
              Severity.HIGH,
              "matches the policy's command pattern '" + extra.name() + "'",
              RegexMatcher.of(Signal.ungated(extra.pattern()))));
    }
    return patterns;
  }

  /**
   * Where each pattern first shows in one container's command: the built-in ones in SPEC order,
   * with host-namespace-entry also watching chroot into the container's own hostPath mounts, then
   * the policy's patterns.
   */
  public static List<Found> findIn(
      ContainerCommand command, List<String> hostMountPaths, List<CommandPattern> policyPatterns) {
    Optional<CommandMatcher> chroot = HostMountChroot.into(hostMountPaths);
    List<Found> found = new ArrayList<>(0);
    // nearly every container shows nothing: then one pass over the remembered verdicts is all
    boolean worthLooking = chroot.isPresent() || command.anyBuiltinHit();
    for (int i = 0; worthLooking && i < BUILTIN.size(); i++) {
      CommandPattern pattern = BUILTIN.get(i);
      command
          .findBuiltin(i, i == HOST_NAMESPACE_ENTRY ? chroot : Optional.empty())
          .ifPresent(match -> found.add(new Found(pattern, match)));
    }
    for (CommandPattern pattern : policyPatterns) {
      command.find(pattern.matcher()).ifPresent(match -> found.add(new Found(pattern, match)));
    }
    return found;
  }

  /** Every built-in pattern's first hit in a text, remembered per text. */
  static RememberedVerdicts.Verdicts builtinVerdicts(String text) {
    return BUILTIN_VERDICTS.of(text);
  }

  /** Every built-in pattern's first hit in a text made from {@code key}, remembered per key. */
  static RememberedVerdicts.Verdicts builtinVerdicts(
      Object key, int length, Supplier<String> text) {
    return BUILTIN_VERDICTS.of(key, length, text);
  }
}
