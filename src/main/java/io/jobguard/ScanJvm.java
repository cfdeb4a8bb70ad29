package io.jobguard;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Runs {@code scan} in a JVM tuned for a short batch run. The jar has one entry point and a JAR
 * cannot carry JVM options, so the options the long-lived operator wants (the C2 compiler, G1) also
 * start every scan. For a scan they cost more than they give: C2 spends several CPU-seconds
 * compiling SnakeYAML's scanner and Jackson's binders, on the same two cores a CI runner scans
 * with, and the scan ends before that code pays back (10,000 manifests scan ~40% faster with C1
 * alone, see docs/benchmarks.md). So a scan started without such options re-runs its own command
 * line in a child JVM with them, sharing stdin, stdout and stderr, and exits with the child's code.
 *
 * <p>Options the user gave win: a JVM already started with a compiler or collector choice keeps it,
 * and {@value #OPT_OUT_ENV}{@code =false} scans in the first JVM. So does a JVM whose command line
 * the JDK cannot read back (it gives up past 4 KB, e.g. thousands of file arguments): the scan is
 * the same, only slower.
 */
final class ScanJvm {
  /** Set on the child, so it scans instead of starting another child. */
  static final String CHILD_PROPERTY = "jobguard.scan.child";

  static final String OPT_OUT_ENV = "JOBGUARD_SCAN_TUNED_JVM";

  private ScanJvm() {}

  /**
   * Runs the scan in a tuned child JVM and returns its exit code, or empty when this JVM should
   * scan itself (it is the child, the user chose the options or opted out, or the child could not
   * be started).
   */
  static OptionalInt runInChild() {
    ProcessHandle.Info self = ProcessHandle.current().info();
    Optional<List<String>> command =
        childCommand(
            self.command().orElse(null),
            self.arguments().map(List::of).orElse(null),
            ManagementFactory.getRuntimeMXBean().getInputArguments(),
            System.getenv(),
            System.getProperty(CHILD_PROPERTY) != null);
    if (command.isEmpty()) {
      return OptionalInt.empty();
    }
    try {
      return OptionalInt.of(await(new ProcessBuilder(command.get()).inheritIO().start()));
    } catch (IOException e) {
      return OptionalInt.empty(); // e.g. a sandbox that forbids starting processes: scan here
    }
  }

  /**
   * The child's command line: the same executable and arguments, with the tuning options and the
   * child marker in front, so that options the user wrote later on the line still override them.
   *
   * @param jvmOptions the options this JVM runs with, {@code JAVA_TOOL_OPTIONS} included
   */
  static Optional<List<String>> childCommand(
      String executable,
      List<String> arguments,
      List<String> jvmOptions,
      Map<String, String> env,
      boolean isChild) {
    if (isChild || executable == null || arguments == null || optedOut(env)) {
      return Optional.empty();
    }
    List<String> tuning = new ArrayList<>();
    if (jvmOptions.stream().noneMatch(ScanJvm::choosesCompiler)) {
      // C1 alone: compiles fast, and its code is all a run of a few seconds gets to use.
      tuning.add("-XX:TieredStopAtLevel=1");
    }
    if (jvmOptions.stream().noneMatch(ScanJvm::choosesCollector)) {
      // No concurrent GC threads competing with the scan workers for the same cores.
      tuning.add("-XX:+UseSerialGC");
    }
    if (tuning.isEmpty()) {
      return Optional.empty();
    }
    List<String> command = new ArrayList<>();
    command.add(executable);
    command.addAll(tuning);
    command.add("-D" + CHILD_PROPERTY + "=true");
    command.addAll(arguments);
    return Optional.of(command);
  }

  private static boolean optedOut(Map<String, String> env) {
    return "false".equalsIgnoreCase(env.getOrDefault(OPT_OUT_ENV, "").trim());
  }

  private static boolean choosesCompiler(String option) {
    return option.startsWith("-XX:TieredStopAtLevel")
        || option.equals("-XX:-TieredCompilation")
        || option.equals("-Xint")
        || option.startsWith("-XX:CompilationMode");
  }

  private static boolean choosesCollector(String option) {
    return option.startsWith("-XX:+Use") && option.endsWith("GC");
  }

  /**
   * Waits for the child; if this JVM is stopped first (SIGTERM), the child is stopped too (once the
   * child has ended, destroying it does nothing).
   */
  private static int await(Process child) {
    Runtime.getRuntime().addShutdownHook(new Thread(child::destroy, "jobguard-scan-child-stopper"));
    boolean interrupted = false;
    while (true) {
      try {
        int code = child.waitFor();
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
        return code;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
  }
}
