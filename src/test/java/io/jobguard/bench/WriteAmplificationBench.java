package io.jobguard.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.jobguard.api.v1alpha1.Finding;
import io.jobguard.operator.OperatorLifecycle;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.KubernetesTestServer;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A violating CronJob firing every minute for a simulated 24 hours: 1,440 Jobs and their Pods. Time
 * is compressed 1,200-fold (a minute is 50 ms) and so is the coalesce window (10 s becomes about 8
 * ms), so the writer sees the same pattern of arrivals as in a real day. API writes of Findings are
 * counted in the mock server's request log, independently of the operator's metrics.
 */
@Tag("bench")
@QuarkusTest
@WithKubernetesTestServer(crud = true)
@TestProfile(WriteAmplificationBench.CompressedTime.class)
class WriteAmplificationBench {
  static final int RUNS = 1_440;
  static final long SIMULATED_MINUTE_MILLIS = 50;
  static final String NAMESPACE = "amplification";
  static final String CREATES = "(creates)";

  /** The default 10 s window compressed by the same factor as the day. */
  public static class CompressedTime implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("jobguard.write.coalesce-window", "8ms");
    }
  }

  @Inject KubernetesClient client;
  @Inject OperatorLifecycle lifecycle;
  @KubernetesTestServer KubernetesServer server;

  @Test
  void aDayOfMinutelyRunsCostsAtMostOneHundredWritesPerFinding() throws Exception {
    await().atMost(Duration.ofSeconds(60)).until(lifecycle::synced);
    LoadDriver.namespace(client, NAMESPACE);
    drainRequestLog();
    CronJob cronJob =
        client
            .resource(
                BenchWorkloads.cronJob(
                    NAMESPACE, "every-minute", true, BenchWorkloads.EVERY_MINUTE))
            .create();
    long start = System.nanoTime();
    for (int run = 0; run < RUNS; run++) {
      Job job =
          client
              .resource(BenchWorkloads.job(NAMESPACE, "every-minute-" + run, true, cronJob))
              .create();
      client
          .resource(
              BenchWorkloads.pod(
                  NAMESPACE, "every-minute-" + run + "-x", true, BenchWorkloads.controllerRef(job)))
          .create();
      long due = start + (run + 1) * SIMULATED_MINUTE_MILLIS * 1_000_000;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
    }
    double simulatedSeconds = (System.nanoTime() - start) / 1e9;
    String privileged = "cronjob-every-minute-privileged-container";
    await().atMost(Duration.ofSeconds(60)).until(() -> count(privileged) == 1 + 2L * RUNS);

    Map<String, Integer> writes = findingWrites();
    List<Finding> findings =
        client.resources(Finding.class).inNamespace(NAMESPACE).list().getItems();
    List<String> rows = new ArrayList<>();
    rows.add(
        String.format(
            "1 CronJob + %,d Jobs + %,d Pods over a simulated 24 h (%.0f s real, 1 min = %d ms).",
            RUNS, RUNS, simulatedSeconds, SIMULATED_MINUTE_MILLIS));
    rows.add("");
    rows.add("| Finding | occurrences counted | API writes: create + status writes |");
    rows.add("|---|---|---|");
    for (Finding finding : findings) {
      String name = finding.getMetadata().getName();
      rows.add(
          String.format(
              "| %s | %,d | 1 + %d |",
              name, finding.getStatus().getCount(), writes.getOrDefault(name, 0)));
    }
    rows.add("");
    rows.add(
        String.format("Creates (POST) of Findings in the namespace: %d.", writes.get(CREATES)));
    BenchReport.write("write-amplification", rows);

    assertThat(findings)
        .allSatisfy(f -> assertThat(f.getSpec().getSubject().getKind()).isEqualTo("CronJob"));
    assertThat(findings).extracting(f -> f.getSpec().getRule().getId()).doesNotHaveDuplicates();
    assertThat(writes.get(CREATES)).isEqualTo(findings.size());
    assertThat(1 + writes.get(privileged)).isLessThanOrEqualTo(100);
  }

  private long count(String name) {
    Finding finding = client.resources(Finding.class).inNamespace(NAMESPACE).withName(name).get();
    return finding == null || finding.getStatus() == null ? 0 : finding.getStatus().getCount();
  }

  private void drainRequestLog() throws InterruptedException {
    while (server.getKubernetesMockServer().takeRequest(10, TimeUnit.MILLISECONDS) != null) {
      // everything before the run is not part of the figure
    }
  }

  /** API writes per Finding name: creates name it in the body, status writes in the path. */
  private Map<String, Integer> findingWrites() throws InterruptedException {
    Map<String, Integer> writes = new TreeMap<>();
    String prefix = "/apis/jobguard.io/v1alpha1/namespaces/" + NAMESPACE + "/findings";
    RecordedRequest request;
    while ((request = server.getKubernetesMockServer().takeRequest(50, TimeUnit.MILLISECONDS))
        != null) {
      String method = request.getMethod();
      if (!request.getPath().startsWith(prefix) || "GET".equals(method)) {
        continue;
      }
      String name = nameOf(request, prefix);
      writes.merge(name, 1, Integer::sum);
    }
    return writes;
  }

  private static String nameOf(RecordedRequest request, String prefix) {
    String rest = request.getPath().substring(prefix.length());
    if (rest.startsWith("/")) {
      String name = rest.substring(1);
      int end = name.indexOf('/') >= 0 ? name.indexOf('/') : name.indexOf('?');
      return end < 0 ? name : name.substring(0, end);
    }
    // The request log keeps no body: a create counts for the Finding that ends up existing once.
    return CREATES;
  }
}
