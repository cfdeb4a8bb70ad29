package io.jobguard.rules.builtin.command;

import io.jobguard.rules.RuleContext;
import io.jobguard.rules.Severity;
import java.util.ArrayList;
import java.util.List;

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

  private CommandPatterns() {}

  /** The built-in patterns, in SPEC order. */
  public static List<CommandPattern> builtin() {
    return BUILTIN;
  }

  /** The built-in patterns followed by the policy's own, which report at high severity. */
  public static List<CommandPattern> withExtras(List<RuleContext.NamedPattern> extras) {
    if (extras.isEmpty()) {
      return BUILTIN;
    }
    List<CommandPattern> all = new ArrayList<>(BUILTIN);
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
