package io.jobguard.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.jobguard.operator.InformersReadiness;
import io.jobguard.operator.OperatorLifecycle;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Time from starting the operator's watches to informers synced (readiness up) with 10,000 and then
 * 50,000 Pods present, and that readiness stays down until then.
 */
@Tag("bench")
@QuarkusTest
@WithKubernetesTestServer(crud = true)
class OperatorStartupBench {
  static final String NAMESPACE = "startup";
  static final long TIMEOUT_NANOS = 170_000_000_000L;

  /**
   * Pods present at each start. The mock server's create rate (about 100/s on the shared 2-core
   * machine, docs/benchmarks.md) makes 50,000 a run of many minutes: pass
   * -Dbench.startup.pods=10000,50000 where that is affordable.
   */
  static final int[] POD_COUNTS =
      java.util.Arrays.stream(System.getProperty("bench.startup.pods", "2000,10000").split(","))
          .mapToInt(s -> Integer.parseInt(s.trim()))
          .toArray();

  @Inject KubernetesClient client;
  @Inject OperatorLifecycle lifecycle;
  @Inject @Readiness InformersReadiness readiness;

  @Test
  void readyOnlyAfterSyncWithFiftyThousandPods() throws Exception {
    LoadDriver.namespace(client, NAMESPACE);
    List<String> rows = new ArrayList<>();
    rows.add(
        "| Pods present | create (harness) s | start → synced s | readiness down before sync |");
    rows.add("|---|---|---|---|");
    int present = 0;
    for (int target : POD_COUNTS) {
      lifecycle.stop();
      int from = present;
      long createStart = System.nanoTime();
      LoadDriver.create(
          client, target - from, i -> BenchWorkloads.pod(NAMESPACE, "p-" + (from + i), false));
      double createSeconds = (System.nanoTime() - createStart) / 1e9;
      present = target;
      rows.add(startAndTime(target, createSeconds));
    }
    BenchReport.write("operator-startup", rows);
  }

  private String startAndTime(int pods, double createSeconds) throws Exception {
    long start = System.nanoTime();
    CompletableFuture<Void> starting = CompletableFuture.runAsync(lifecycle::start);
    int downSamples = 0;
    while (!lifecycle.synced()) {
      HealthCheckResponse response = readiness.call();
      boolean syncedNow = lifecycle.synced();
      if (!syncedNow) {
        assertThat(response.getStatus())
            .as("readiness before the informers synced")
            .isEqualTo(HealthCheckResponse.Status.DOWN);
        downSamples++;
      }
      assertThat(System.nanoTime() - start).isLessThan(TIMEOUT_NANOS);
      Thread.sleep(20);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    starting.get();
    assertThat(readiness.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    return String.format(
        "| %,d | %.1f | %.2f | %s (%d samples) |",
        pods, createSeconds, seconds, downSamples > 0 ? "yes" : "not sampled", downSamples);
  }
}
