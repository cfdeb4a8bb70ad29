package io.jobguard.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/** Target: evaluating the whole catalogue costs at most 25% of parsing the object's JSON. */
@Tag("bench")
class RuleEvaluationBench {
  private static final double TARGET_RATIO = 0.25;

  @Test
  void evaluationIsCheapComparedToParsing() throws Exception {
    Options options =
        new OptionsBuilder()
            .include(RuleEvaluationBenchmark.class.getName())
            .forks(1)
            .warmupIterations(5)
            .warmupTime(org.openjdk.jmh.runner.options.TimeValue.seconds(1))
            .measurementIterations(10)
            .measurementTime(org.openjdk.jmh.runner.options.TimeValue.seconds(1))
            .build();
    Collection<RunResult> results = new Runner(options).run();
    double parse = score(results, "parseJson");
    double evaluate = score(results, "evaluateAllRules");
    double firstSight = score(results, "evaluateAllRulesFirstSight");
    double ratio = evaluate / parse;
    BenchReport.write(
        "rule-evaluation",
        List.of(
            "| benchmark | µs/op |",
            "|---|---|",
            String.format(
                "| Jackson parse of the CronJob JSON into the typed model | %.2f |", parse),
            String.format(
                "| WorkloadFactory + full catalogue (restricted profile) | %.2f |", evaluate),
            String.format(
                "| the same on a template whose commands and env values are new (first sight)"
                    + " | %.2f |",
                firstSight),
            String.format("| ratio evaluation / parse | %.1f%% (target ≤ 25%%) |", ratio * 100),
            String.format(
                "| ratio first-sight evaluation / parse | %.1f%% (no target) |",
                firstSight / parse * 100)));
    assertThat(ratio).isLessThanOrEqualTo(TARGET_RATIO);
  }

  private static double score(Collection<RunResult> results, String method) {
    return results.stream()
        .filter(r -> r.getParams().getBenchmark().endsWith("." + method))
        .findFirst()
        .orElseThrow()
        .getPrimaryResult()
        .getScore();
  }
}
