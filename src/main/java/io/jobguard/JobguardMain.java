package io.jobguard;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

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
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    int code = JobguardCommand.execute(args, System.in, out, err);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** No argument or {@code run} (without a help flag) starts the operator. */
  static boolean startsOperator(String[] args) {
    if (args.length == 0) {
      return true;
    }
    List<String> rest = Arrays.asList(args).subList(1, args.length);
    return "run".equals(args[0]) && !rest.contains("--help") && !rest.contains("-h");
  }

  private static String[] operatorArguments(String[] args) {
    return args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
  }
}
