package io.jobguard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class JobguardMainTest {

  @Test
  void operatorStartsWithoutArgumentsOrWithRun() {
    assertThat(JobguardMain.startsOperator(new String[0])).isTrue();
    assertThat(JobguardMain.startsOperator(new String[] {"run"})).isTrue();
  }

  @Test
  void everythingElseStaysOutOfQuarkus() {
    assertThat(JobguardMain.startsOperator(new String[] {"scan", "x.yaml"})).isFalse();
    assertThat(JobguardMain.startsOperator(new String[] {"run", "--help"})).isFalse();
    assertThat(JobguardMain.startsOperator(new String[] {"--help"})).isFalse();
    assertThat(JobguardMain.startsOperator(new String[] {"help"})).isFalse();
    assertThat(JobguardMain.startsOperator(new String[] {"bogus"})).isFalse();
  }

  @Test
  void helpDescribesBothModes() {
    for (String help : new String[] {"help", "--help", "-h"}) {
      Result result = execute(help);
      assertThat(result.code()).isZero();
      assertThat(result.out())
          .contains("run")
          .contains("Usage: jobguard scan")
          .contains("--fail-on");
    }
  }

  @Test
  void runHelpDoesNotStartTheOperator() {
    Result result = execute("run", "--help");

    assertThat(result.code()).isZero();
    assertThat(result.out()).contains("JOBGUARD_WATCH_NAMESPACES");
  }

  @Test
  void unknownCommandIsAUsageError() {
    Result result = execute("bogus");

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).contains("bogus");
  }

  @Test
  void scanRunsThroughTheCommandLine() {
    Result result = execute("scan", "-o", "json", "src/test/resources/scan/pod.json");

    assertThat(result.code()).isZero();
    assertThat(result.out()).contains("\"kind\" : \"ScanResult\"");
  }

  private static Result execute(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        JobguardCommand.execute(
            args, InputStream.nullInputStream(), new PrintWriter(out), new PrintWriter(err));
    return new Result(code, out.toString(), err.toString());
  }

  private record Result(int code, String out, String err) {}
}
