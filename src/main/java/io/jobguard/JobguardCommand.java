package io.jobguard;

import io.jobguard.scan.ScanCommand;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line of everything that is not the operator itself: {@code help}, {@code --help},
 * {@code --version}, {@code scan}. Unknown commands are usage errors (exit 2).
 */
@Command(
    name = "jobguard",
    mixinStandardHelpOptions = true,
    versionProvider = JobguardCommand.Version.class,
    description = "Detects abuse of Kubernetes CronJobs, Jobs and Pods.",
    subcommands = {JobguardCommand.Run.class, CommandLine.HelpCommand.class},
    footer = {
      "",
      "Examples:",
      "  java -jar quarkus-run.jar                 start the operator (same as 'run')",
      "  java -jar quarkus-run.jar scan deploy/examples/",
      "  helm template charts/x | java -jar quarkus-run.jar scan -o sarif -"
    })
public final class JobguardCommand implements Runnable {
  private static final Set<String> HELP = Set.of("help", "--help", "-h");

  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

  static int execute(String[] args, InputStream stdin, PrintWriter out, PrintWriter err) {
    CommandLine scan = ScanCommand.commandLine(new ScanCommand(stdin), out, err);
    CommandLine commandLine =
        new CommandLine(new JobguardCommand()).addSubcommand(scan).setOut(out).setErr(err);
    commandLine.setExecutionExceptionHandler(scan.getExecutionExceptionHandler());
    if (args.length == 1 && HELP.contains(args[0])) {
      // One page for both modes: people looking for the operator find scan, and vice versa.
      commandLine.usage(out);
      out.println();
      scan.usage(out);
      return CommandLine.ExitCode.OK;
    }
    return commandLine.execute(args);
  }

  /** Without a sub-command the operator starts; reaching here means only options were given. */
  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "expected a command: run or scan (see --help)");
  }

  @Command(
      name = "run",
      mixinStandardHelpOptions = true,
      description = {
        "Start the operator against the cluster of the current kubeconfig or the in-cluster"
            + " service account (the default when no command is given).",
        "Configuration: JOBGUARD_WATCH_NAMESPACES, JOBGUARD_WATCH_EXCLUDE_NAMESPACES,"
            + " JOBGUARD_RETENTION_DAYS, JOBGUARD_METRICS_NAMESPACE_LABEL, QUARKUS_LOG_LEVEL."
      })
  public static final class Run implements Runnable {
    @Override
    public void run() {
      // Only "run --help" reaches picocli; JobguardMain starts the operator for plain "run".
    }
  }

  public static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = JobguardCommand.class.getPackage().getImplementationVersion();
      return new String[] {"jobguard " + (version == null ? "(development build)" : version)};
    }
  }
}
