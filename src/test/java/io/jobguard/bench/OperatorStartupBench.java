package io.jobguard.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.jobguard.operator.InformersReadiness;
import io.jobguard.operator.OperatorLifecycle;
import io.jobguard.operator.watch.ScopedInformers;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.KubernetesTestServer;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Starts the operator's watches with 10,000 and then 50,000 Pods (plus their ReplicaSets and Jobs)
 * present, and measures: start → informers synced, readiness sampled meanwhile (it must be down
 * until then), start → every listed Pod evaluated, and the heap the operator keeps afterwards. The
 * initial LISTs are served from pre-built JSON ({@link ServedList}, {@link StartupFleet}); the
 * watches, owner GETs and writes go to the mock server's CRUD store as usual.
 */
@Tag("bench")
@QuarkusTest
@WithKubernetesTestServer(crud = true)
class OperatorStartupBench {
  static final long TIMEOUT_NANOS = TimeUnit.MINUTES.toNanos(4);

  /** Pods present at each start; a multiple of {@link StartupFleet#BLOCK}. */
  static final int[] POD_COUNTS =
      Arrays.stream(System.getProperty("bench.startup.pods", "10000,50000").split(","))
          .mapToInt(s -> Integer.parseInt(s.trim()))
          .toArray();

  /**
   * A first, unreported start: the first list pays for class loading and JIT compilation of the
   * parse, trim and evaluation paths, which would otherwise inflate whichever size runs first.
   */
  static final int WARM_UP_PODS = 2_000;

  static final int PAGE_SIZE = (int) ScopedInformers.LIST_PAGE_SIZE;

  @KubernetesTestServer KubernetesServer server;
  @Inject OperatorLifecycle lifecycle;
  @Inject @Readiness InformersReadiness readiness;
  @Inject MeterRegistry registry;

  @Test
  void readyOnlyAfterSyncWithFiftyThousandPods() throws Exception {
    List<String> rows = new ArrayList<>();
    rows.add(
        "| Pods present (+ ReplicaSets, Jobs) | LIST JSON MB | start → synced s"
            + " | start → all Pods evaluated s | readiness down before sync"
            + " | heap kept after GC, MB (bytes/Pod) | peak live heap during start, MB | owner GETs |");
    rows.add("|---|---|---|---|---|---|---|---|");
    rows.add(startWith(WARM_UP_PODS, 1_000_000L).row().replaceFirst("\\| ", "| warm-up: "));
    List<Stage> stages = new ArrayList<>();
    for (int i = 0; i < POD_COUNTS.length; i++) {
      Stage stage = startWith(POD_COUNTS[i], 10_000_000L * (i + 1));
      stages.add(stage);
      rows.add(stage.row());
    }
    rows.addAll(growth(stages));
    BenchReport.write("operator-startup", rows);
  }

  private Stage startWith(int pods, long firstVersion) throws Exception {
    lifecycle.stop();
    drainRequests();
    long baseline = usedHeapAfterGc();
    Served served = serveFleet(pods, firstVersion);
    double podEvaluationsBefore = evaluations("Pod");
    double createdBefore = findingsCreated();
    PeakLiveHeap peak = PeakLiveHeap.record();
    long start = System.nanoTime();
    CompletableFuture<Void> starting = CompletableFuture.runAsync(lifecycle::start);
    int downSamples = awaitSyncedWhileReadinessDown(start);
    double synced = seconds(start);
    starting.get();
    assertThat(readiness.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    while (evaluations("Pod") - podEvaluationsBefore < pods) {
      assertThat(System.nanoTime() - start)
          .as("every Pod evaluated in time")
          .isLessThan(TIMEOUT_NANOS);
      Thread.sleep(20);
    }
    double evaluated = seconds(start);
    peak.close();
    assertThat(evaluations("Pod") - podEvaluationsBefore).isEqualTo(pods);
    assertThat(findingsCreated() - createdBefore).as("Findings for a compliant fleet").isZero();
    long kept = usedHeapAfterGc() - baseline;
    Requests requests = drainRequests();
    assertThat(requests.podLists)
        .as("one paged LIST of Pods, no re-list: %s", requests.podListPaths)
        .isEqualTo((pods + PAGE_SIZE - 1) / PAGE_SIZE);
    return new Stage(
        served,
        synced,
        evaluated,
        downSamples,
        kept,
        peak.peakBytes() - baseline,
        requests.ownerGets);
  }

  /** Builds the fleet and has its lists served. */
  private Served serveFleet(int pods, long firstVersion) {
    StartupFleet fleet = StartupFleet.of(pods, firstVersion);
    String version = fleet.listVersion();
    KubernetesMockServer mock = server.getKubernetesMockServer();
    long bytes =
        ServedList.serve(mock, "/api/v1/pods", "PodList", "v1", version, fleet.pods, PAGE_SIZE)
            + ServedList.serve(
                mock,
                "/apis/apps/v1/replicasets",
                "ReplicaSetList",
                "apps/v1",
                version,
                fleet.replicaSets,
                PAGE_SIZE)
            + ServedList.serve(
                mock, "/apis/batch/v1/jobs", "JobList", "batch/v1", version, fleet.jobs, PAGE_SIZE);
    return new Served(pods, fleet.replicaSets.size(), fleet.jobs.size(), bytes);
  }

  /** What the LISTs held: object counts and the JSON's size. */
  private record Served(int pods, int replicaSets, int jobs, long listBytes) {}

  private int awaitSyncedWhileReadinessDown(long start) throws InterruptedException {
    int downSamples = 0;
    while (!lifecycle.synced()) {
      HealthCheckResponse response = readiness.call();
      if (!lifecycle.synced()) {
        assertThat(response.getStatus())
            .as("readiness before the informers synced")
            .isEqualTo(HealthCheckResponse.Status.DOWN);
        downSamples++;
      }
      assertThat(System.nanoTime() - start).as("synced in time").isLessThan(TIMEOUT_NANOS);
      Thread.sleep(20);
    }
    return downSamples;
  }

  private double evaluations(String kind) {
    Counter counter = registry.find("jobguard.evaluations").tag("kind", kind).counter();
    return counter == null ? 0 : counter.count();
  }

  private double findingsCreated() {
    Counter counter = registry.find("jobguard.finding.writes").tag("outcome", "created").counter();
    return counter == null ? 0 : counter.count();
  }

  /** What the operator asked the mock server since the last call. */
  private Requests drainRequests() throws InterruptedException {
    KubernetesMockServer mock = server.getKubernetesMockServer();
    Requests requests = new Requests();
    RecordedRequest request;
    while ((request = mock.takeRequest(50, TimeUnit.MILLISECONDS)) != null) {
      requests.add(request);
    }
    return requests;
  }

  private static final class Requests {
    int podLists;
    int ownerGets;
    final List<String> podListPaths = new ArrayList<>();

    void add(RecordedRequest request) {
      String path = request.getPath();
      if (!"GET".equals(request.getMethod())) {
        return;
      }
      if (path.startsWith("/api/v1/pods") && !path.contains("watch=true")) {
        podLists++;
        podListPaths.add(path);
      }
      if (path.matches("/apis/(apps|batch)/v1/namespaces/[^/]+/(replicasets|jobs)/[^/?]+")) {
        ownerGets++;
      }
    }
  }

  private static long usedHeapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  private static List<String> growth(List<Stage> stages) {
    if (stages.size() < 2) {
      return List.of();
    }
    Stage first = stages.get(0);
    Stage last = stages.get(stages.size() - 1);
    return List.of(
        "",
        String.format(
            "Growth %,d → %,d Pods (%.1f×): synced %.1f×, all evaluated %.1f×, heap kept %.1f×,"
                + " peak live heap %.1f×.",
            first.served.pods(),
            last.served.pods(),
            (double) last.served.pods() / first.served.pods(),
            last.synced / first.synced,
            last.evaluated / first.evaluated,
            (double) last.keptBytes / Math.max(1, first.keptBytes),
            (double) last.peakLiveBytes / Math.max(1, first.peakLiveBytes)));
  }

  private record Stage(
      Served served,
      double synced,
      double evaluated,
      int downSamples,
      long keptBytes,
      long peakLiveBytes,
      int ownerGets) {
    String row() {
      return String.format(
          "| %,d (+ %,d, %,d) | %.0f | %.2f | %.2f | %s (%d samples) | %.0f (%,d) | %.0f | %d |",
          served.pods(),
          served.replicaSets(),
          served.jobs(),
          served.listBytes() / 1e6,
          synced,
          evaluated,
          downSamples > 0 ? "yes" : "not sampled",
          downSamples,
          keptBytes / 1e6,
          keptBytes / served.pods(),
          peakLiveBytes / 1e6,
          ownerGets);
    }
  }
}
