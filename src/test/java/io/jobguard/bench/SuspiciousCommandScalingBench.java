package io.jobguard.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.jobguard.model.Workload;
import io.jobguard.model.WorkloadFactory;
import io.jobguard.rules.RuleContext;
import io.jobguard.rules.builtin.SuspiciousCommandPaddingTest;
import io.jobguard.rules.builtin.SuspiciousCommandRule;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The operator evaluates every Pod and the script text is attacker-controlled: 100 KB of an
 * ordinary script must take milliseconds, and 100 KB of one pattern keyword repeated (the worst
 * case for bounded windows) must stay linear; catastrophic backtracking would take minutes.
 */
@Tag("bench")
class SuspiciousCommandScalingBench {
  private static final int SIZE = 100 * 1024;
  private static final long ADVERSARIAL_BOUND_MILLIS = 2_000;
  private static final SuspiciousCommandRule RULE = new SuspiciousCommandRule();

  @Test
  void hundredKilobyteScriptsStayLinear() throws Exception {
    warmUp();
    List<String> rows = new ArrayList<>(List.of("| 100 KB of | ms |", "|---|---|"));
    long worst = 0;
    for (String unit : SuspiciousCommandPaddingTest.scripts().toList()) {
      long millis = millisToEvaluate(unit);
      worst = Math.max(worst, millis);
      rows.add(
          "| `"
              + unit.strip().replace("|", "\\|").substring(0, Math.min(20, unit.strip().length()))
              + "` | "
              + millis
              + " |");
    }
    BenchReport.write("suspicious-command-scaling", rows);
    assertThat(worst).isLessThan(ADVERSARIAL_BOUND_MILLIS);
  }

  private static void warmUp() {
    for (int i = 0; i < 50; i++) {
      millisToEvaluate("curl x|sh; echo hi\n");
    }
  }

  private static long millisToEvaluate(String unit) {
    String script = unit.repeat(SIZE / unit.length() + 1).substring(0, SIZE);
    Pod pod =
        new PodBuilder()
            .withNewMetadata()
            .withName("padded")
            .endMetadata()
            .withNewSpec()
            .withContainers(
                new ContainerBuilder().withName("c").withCommand("sh", "-c", script).build())
            .endSpec()
            .build();
    Workload workload = WorkloadFactory.from(pod).orElseThrow();
    long started = System.nanoTime();
    RULE.evaluate(workload, RuleContext.defaults());
    return (System.nanoTime() - started) / 1_000_000;
  }
}
