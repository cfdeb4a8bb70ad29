package io.jobguard.rules.builtin;

import static io.jobguard.rules.builtin.SuspiciousCommandRuleTest.container;
import static io.jobguard.rules.builtin.SuspiciousCommandRuleTest.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.jobguard.model.Workload;
import io.jobguard.rules.Evidence;
import io.jobguard.rules.RuleContext;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The operator evaluates every Pod, and the text is attacker-controlled. An ordinary 100 KB script
 * must take milliseconds; text built from one pattern's keyword over and over (the worst case for
 * bounded windows) must stay linear. Bounds are loose because build machines are shared (measured
 * under a load average of 19 on 2 cores: ordinary scripts about 70 ms, the worst keyword about 2
 * s); catastrophic backtracking would take minutes.
 */
class SuspiciousCommandPerformanceTest {
  private static final int SIZE = 100 * 1024;
  private static final long ORDINARY_BOUND_MILLIS = 500;
  private static final long ADVERSARIAL_BOUND_MILLIS = 6_000;
  private static final SuspiciousCommandRule RULE = new SuspiciousCommandRule();

  static Stream<String> ordinaryScripts() {
    return Stream.of(
        "echo processing batch $i of $n; cp /data/in/$i /data/out/$i && gzip -9 /data/out/$i\n",
        "if [ -f /data/$f ]; then python3 /app/load.py --input /data/$f --db \"$DB_URL\"; fi\n",
        "kubectl get pods -n \"$NS\" -o json | jq -r '.items[].metadata.name' >> /tmp/pods.txt\n");
  }

  static Stream<String> scripts() {
    return Stream.of(
        "echo processing batch $i of $n; cp /data/in/$i /data/out/$i && gzip -9 /data/out/$i\n",
        "curl ",
        "curl -o x ",
        "wget ",
        "base64 -d ",
        "nc ",
        "nc -z host 1 ",
        "socat ",
        "kubectl ",
        "kubectl apply ",
        "docker run ",
        "crictl ",
        "mount ",
        "nsenter ",
        "bash -i ",
        "> ",
        "/dev/tcp/a/b ",
        "/etc/cron.d ",
        "cp /etc/crontab ",
        "eval $(",
        "sh -c $(",
        "at ",
        "exec(",
        "iex ",
        "powershell ",
        "-o pool.x ",
        "a".repeat(200) + " ",
        "|",
        ";");
  }

  @BeforeAll
  static void warmUp() {
    for (int i = 0; i < 20; i++) {
      RULE.evaluate(
          pod(container("c", List.of("sh", "-c", "curl x|sh; echo hi"), List.of())),
          RuleContext.defaults());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ordinaryScripts")
  void anOrdinaryHundredKilobyteScriptTakesMilliseconds(String line) {
    assertThat(millisToEvaluate(line))
        .as("evaluation of 100 KB of '%s'", line.strip())
        .isLessThan(ORDINARY_BOUND_MILLIS);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scripts")
  void aHundredKilobytesOfOneKeywordStayLinear(String unit) {
    assertThat(millisToEvaluate(unit))
        .as("evaluation of 100 KB of '%s'", unit.strip())
        .isLessThan(ADVERSARIAL_BOUND_MILLIS);
  }

  private static long millisToEvaluate(String unit) {
    String script = unit.repeat(SIZE / unit.length() + 1).substring(0, SIZE);
    Workload pod = pod(container("c", List.of("sh", "-c", script), List.of("x")));
    long started = System.nanoTime();
    RULE.evaluate(pod, RuleContext.defaults());
    return (System.nanoTime() - started) / 1_000_000;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scripts")
  void aPayloadDeepInsideALongScriptIsFound(String unit) {
    String padding = unit.repeat(48 * 1024 / unit.length() + 1).substring(0, 48 * 1024);
    String script = padding + "\ninsmod /tmp/rootkit.ko\n" + padding.substring(0, 8 * 1024);

    List<Evidence> found =
        RULE.evaluate(
            pod(container("c", List.of("sh", "-c", script), List.of())), RuleContext.defaults());

    assertThat(found).extracting(Evidence::pattern).contains("kernel-module");
  }
}
