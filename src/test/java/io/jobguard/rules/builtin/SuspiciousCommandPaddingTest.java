package io.jobguard.rules.builtin;

import static io.jobguard.rules.builtin.SuspiciousCommandRuleTest.container;
import static io.jobguard.rules.builtin.SuspiciousCommandRuleTest.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.jobguard.rules.Evidence;
import io.jobguard.rules.RuleContext;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Attackers pad scripts to hide a payload: whatever keyword the padding repeats, a payload deep
 * inside a long script is still found. The time this takes is measured by {@code
 * io.jobguard.bench.SuspiciousCommandScalingBench}, not here, because timing assertions flake on
 * shared machines.
 */
public class SuspiciousCommandPaddingTest {
  private static final SuspiciousCommandRule RULE = new SuspiciousCommandRule();

  public static Stream<String> scripts() {
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
