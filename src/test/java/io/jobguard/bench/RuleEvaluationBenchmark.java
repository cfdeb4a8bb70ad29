package io.jobguard.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.jobguard.model.Workload;
import io.jobguard.model.WorkloadFactory;
import io.jobguard.policy.EffectivePolicy;
import io.jobguard.rules.Detection;
import io.jobguard.rules.Profile;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The full rule catalogue on a realistic pod template, against Jackson-parsing the same object's
 * JSON into the typed model (what an informer does for every event). Both run in one JMH run so the
 * ratio survives a noisy shared machine.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RuleEvaluationBenchmark {
  private static final ObjectMapper JSON =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private byte[] json;
  private CronJob parsed;
  private EffectivePolicy policy;
  private Instant now;

  @Setup
  public void setUp() throws IOException {
    try (InputStream in =
        RuleEvaluationBenchmark.class.getResourceAsStream("/bench/cronjob.yaml")) {
      CronJob cronJob = new YAMLMapper().readValue(in, CronJob.class);
      json = JSON.writeValueAsBytes(cronJob);
      parsed = cronJob;
    }
    policy = EffectivePolicy.defaults(Profile.RESTRICTED);
    now = Instant.now();
  }

  @Benchmark
  public CronJob parseJson() throws IOException {
    return JSON.readValue(json, CronJob.class);
  }

  @Benchmark
  public List<Detection> evaluateAllRules() {
    Workload workload = WorkloadFactory.from(parsed).orElseThrow();
    return policy.evaluate(workload, now);
  }

  /**
   * The same catalogue on a template none of whose command lines or environment values has been
   * judged before: what the first Pod of a new workload costs, where {@link #evaluateAllRules}
   * shows the usual case of a Pod whose template's texts were judged for an earlier Pod.
   */
  @Benchmark
  public List<Detection> evaluateAllRulesFirstSight(FirstSightTemplates templates) {
    Workload workload = WorkloadFactory.from(templates.next()).orElseThrow();
    return policy.evaluate(workload, now);
  }

  /**
   * Copies of the CronJob that differ in one environment value and one argument of the main
   * container, used in turn. There are more of them than the suspicious-command rule remembers
   * texts (4,096), so by the time a copy comes round again its texts have been forgotten. A state
   * of its own, so the parse benchmark's fork does not carry them.
   */
  @State(Scope.Benchmark)
  public static class FirstSightTemplates {
    static final int COPIES = 10_000;

    private CronJob[] copies;
    private int next;

    @Setup
    public void setUp() throws IOException {
      byte[] json;
      try (InputStream in =
          RuleEvaluationBenchmark.class.getResourceAsStream("/bench/cronjob.yaml")) {
        json = JSON.writeValueAsBytes(new YAMLMapper().readValue(in, CronJob.class));
      }
      copies = new CronJob[COPIES];
      for (int i = 0; i < COPIES; i++) {
        CronJob copy = JSON.readValue(json, CronJob.class);
        Container main =
            copy.getSpec()
                .getJobTemplate()
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0);
        main.getEnv().get(1).setValue("warehouse-" + i + ".data.svc");
        main.getArgs().set(1, "/config/etl-" + i + ".yaml");
        copies[i] = copy;
      }
    }

    CronJob next() {
      CronJob copy = copies[next];
      next = (next + 1) % COPIES;
      return copy;
    }
  }

  /** The size of the JSON the parse benchmark reads, for the report. */
  int jsonBytes() {
    return json.length;
  }
}
