package io.jobguard;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.StreamHandler;
import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.Logger;

/**
 * The single entry point of {@code quarkus-run.jar}. It picks the mode before Quarkus boots: {@code
 * scan} runs the offline scanner as plain Java (no CDI, no Kubernetes client, no HTTP port, so it
 * works in CI and on laptops without a cluster), and only no argument or {@code run} starts the
 * operator.
 */
@QuarkusMain
public final class JobguardMain {
  private JobguardMain() {}

  public static void main(String[] args) {
    if (startsOperator(args)) {
      Quarkus.run(operatorArguments(args));
      return;
    }
    if (scansInTunedJvm(args)) {
      OptionalInt child = ScanJvm.runInChild();
      if (child.isPresent()) {
        System.exit(child.getAsInt());
      }
    }
    logWarningsToStderr();
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    int code = JobguardCommand.execute(args, System.in, out, err);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** No argument or {@code run} (without a help flag) starts the operator. */
  static boolean startsOperator(String[] args) {
    return args.length == 0 || runs(args, "run", Set.of("--help", "-h"));
  }

  /** A scan (not its help or version) runs in a JVM tuned for it: see {@link ScanJvm}. */
  static boolean scansInTunedJvm(String[] args) {
    return runs(args, "scan", Set.of("--help", "-h", "--version", "-V"));
  }

  /** {@code args} are {@code command} with none of the {@code printing} flags. */
  private static boolean runs(String[] args, String command, Set<String> printing) {
    if (args.length == 0 || !command.equals(args[0])) {
      return false;
    }
    for (int i = 1; i < args.length; i++) {
      if (printing.contains(args[i])) {
        return false;
      }
    }
    return true;
  }

  /**
   * Without Quarkus booting, JBoss LogManager has no handler and drops everything, so a rule that
   * fails on a manifest (which the engine logs and skips) would go unnoticed. Warnings go to
   * stderr, never stdout, which carries the report.
   */
  private static void logWarningsToStderr() {
    if (System.getProperty("java.util.logging.manager") == null) {
      System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
    }
    Logger root = LogContext.getLogContext().getLogger("");
    Handler stderr = new StreamHandler(System.err, new WarningFormatter());
    stderr.setLevel(Level.WARNING);
    root.setLevel(Level.WARNING);
    root.addHandler(
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            stderr.publish(record);
            stderr.flush();
          }

          @Override
          public void flush() {
            stderr.flush();
          }

          @Override
          public void close() {
            stderr.flush();
          }
        });
  }

  private static final class WarningFormatter extends Formatter {
    @Override
    public String format(LogRecord record) {
      return record.getLevel().getName().toLowerCase(Locale.ROOT)
          + ": "
          + formatMessage(record)
          + "\n";
    }
  }

  private static String[] operatorArguments(String[] args) {
    return args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
  }
}
