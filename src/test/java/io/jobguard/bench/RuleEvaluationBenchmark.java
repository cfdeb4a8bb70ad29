package io.jobguard.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
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

  /** The size of the JSON the parse benchmark reads, for the report. */
  int jsonBytes() {
    return json.length;
  }
}
