package io.jobguard.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.jobguard.api.v1alpha1.Finding;
import io.jobguard.operator.OperatorLifecycle;
import io.jobguard.operator.findings.FindingApi;
import io.jobguard.operator.findings.FindingObservation;
import io.jobguard.operator.findings.FindingWriter;
import io.jobguard.operator.findings.WriteProbe;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * 5,000 Pods, Jobs and CronJobs (10% violating) created as fast as the mock API server accepts
 * them. The harness watches the same objects and the Findings itself: latency is from the moment
 * the object's ADDED event reached this process to the moment its Finding's ADDED event did, so it
 * covers evaluation, the writer queue and the API write, measured outside the operator.
 */
@Tag("bench")
@QuarkusTest
@WithKubernetesTestServer(crud = true)
class DetectionLatencyBench {
  static final int OBJECTS = Integer.getInteger("bench.latency.objects", 5_000);
  static final String NAMESPACE = "latency";

  @Inject KubernetesClient client;
  @Inject OperatorLifecycle lifecycle;
  @Inject FindingWriter writer;
  @Inject MeterRegistry registry;

  private final Map<String, Long> received = new ConcurrentHashMap<>();
  private final Map<String, Long> findingSeen = new ConcurrentHashMap<>();
  private final StageClock stages = new StageClock();
  private final List<SharedIndexInformer<?>> informers = new ArrayList<>();

  @AfterEach
  void stopInformers() {
    writer.probe(WriteProbe.NONE);
    informers.forEach(SharedIndexInformer::stop);
  }

  @Test
  void findingsAreWrittenWithinOneSecondOfTheEvent() throws Exception {
    await().atMost(Duration.ofSeconds(60)).until(lifecycle::synced);
    LoadDriver.namespace(client, NAMESPACE);
    writer.probe(stages);
    watch(Pod.class);
    watch(Job.class);
    watch(CronJob.class);
    informers.add(
        client
            .resources(Finding.class)
            .inNamespace(NAMESPACE)
            .inform(
                onAdd(
                    f ->
                        findingSeen.putIfAbsent(
                            f.getSpec().getSubject().getUid(), System.nanoTime()))));

    long start = System.nanoTime();
    List<HasMetadata> created =
        LoadDriver.create(client, OBJECTS, i -> BenchWorkloads.mixed(NAMESPACE, i, violating(i)));
    double createSeconds = (System.nanoTime() - start) / 1e9;
    List<String> violatingUids = new ArrayList<>();
    for (int i = 0; i < created.size(); i++) {
      if (violating(i)) {
        violatingUids.add(created.get(i).getMetadata().getUid());
      }
    }
    await()
        .atMost(Duration.ofSeconds(120))
        .until(() -> violatingUids.stream().allMatch(findingSeen::containsKey));
    double allSeconds = (System.nanoTime() - start) / 1e9;

    List<Long> latencies = violatingUids.stream().map(this::latencyMillis).toList();
    int decile = latencies.size() / 10;
    Distribution all = Distribution.of(latencies);
    Distribution first = Distribution.of(latencies.subList(0, decile));
    Distribution last =
        Distribution.of(latencies.subList(latencies.size() - decile, latencies.size()));
    long findings = client.resources(Finding.class).inNamespace(NAMESPACE).list().getItems().size();
    List<String> report =
        new ArrayList<>(
            List.of(
                String.format(
                    "%,d objects (Pods, Jobs, CronJobs; %,d violating) created in %.1f s (%,.0f/s);"
                        + " all Findings written %.1f s after the first create.",
                    OBJECTS,
                    violatingUids.size(),
                    createSeconds,
                    OBJECTS / createSeconds,
                    allSeconds),
                "",
                "| event → Finding written | samples | p50 ms | p90 ms | p99 ms | max ms |",
                "|---|---|---|---|---|---|",
                all.row("all violating objects"),
                first.row("first 10% created"),
                last.row("last 10% created"),
                "",
                String.format(
                    "Findings in the namespace: %,d (one per violating object).", findings),
                ""));
    report.add(operatorView());
    report.add("");
    report.addAll(stageTable("all violating objects", violatingUids));
    report.addAll(
        stageTable(
            "last 10% created",
            violatingUids.subList(violatingUids.size() - decile, violatingUids.size())));
    BenchReport.write("detection-latency-" + OBJECTS, report);
    assertThat(findings).isEqualTo(violatingUids.size());
    assertThat(all.percentile(99)).isLessThan(1000);
    // No growing backlog: the last objects are served about as fast as the first ones.
    assertThat(last.percentile(50)).isLessThan(Math.max(250, 3 * first.percentile(50)));
  }

  private static boolean violating(int i) {
    return i % 10 == 0;
  }

  /**
   * The operator's own histogram, jobguard_detection_latency_seconds: it starts at the object's
   * creationTimestamp, which has whole seconds only, so it reads up to a second high.
   */
  private String operatorView() {
    Timer timer = registry.find("jobguard.detection.latency").timer();
    if (timer == null || timer.count() == 0) {
      return "jobguard_detection_latency_seconds: no samples.";
    }
    var snapshot = timer.takeSnapshot();
    double p99Bound = Double.NaN;
    for (CountAtBucket bucket : snapshot.histogramCounts()) {
      if (bucket.count() >= 0.99 * snapshot.count()) {
        p99Bound = bucket.bucket(java.util.concurrent.TimeUnit.MILLISECONDS);
        break;
      }
    }
    return String.format(
        "jobguard_detection_latency_seconds (from creationTimestamp, whole seconds): %,d samples,"
            + " mean %.0f ms, max %.0f ms, 99%% at or under the %.0f ms bucket.",
        snapshot.count(),
        snapshot.mean(java.util.concurrent.TimeUnit.MILLISECONDS),
        snapshot.max(java.util.concurrent.TimeUnit.MILLISECONDS),
        p99Bound);
  }

  /** Where the time went, stage by stage (each row's samples are the objects that passed both). */
  private List<String> stageTable(String title, List<String> uids) {
    return List.of(
        "| stage, " + title + " | samples | p50 ms | p90 ms | p99 ms | max ms |",
        "|---|---|---|---|---|---|",
        stage(uids, received, stages.queued, "harness saw object → operator judged it"),
        stage(uids, stages.queued, stages.pickedUp, "→ writer took up the observation"),
        stage(uids, stages.pickedUp, stages.writing, "→ writer started the Finding's write"),
        stage(uids, stages.writing, stages.written, "→ create + status write returned"),
        stage(uids, stages.writing, findingSeen, "write started → harness saw the Finding"),
        "");
  }

  /** Milliseconds between two stages, signed: two watches can see one object in either order. */
  private static String stage(
      List<String> uids, Map<String, Long> from, Map<String, Long> to, String label) {
    List<Long> millis =
        uids.stream()
            .filter(uid -> from.containsKey(uid) && to.containsKey(uid))
            .map(uid -> (to.get(uid) - from.get(uid)) / 1_000_000)
            .toList();
    return millis.isEmpty() ? "| " + label + " | 0 | | | | |" : Distribution.of(millis).row(label);
  }

  /** When each subject's first observation passed each stage of the writer (System.nanoTime). */
  static final class StageClock implements WriteProbe {
    final Map<String, Long> queued = new ConcurrentHashMap<>();
    final Map<String, Long> pickedUp = new ConcurrentHashMap<>();
    final Map<String, Long> writing = new ConcurrentHashMap<>();
    final Map<String, Long> written = new ConcurrentHashMap<>();

    @Override
    public void queued(FindingObservation o) {
      queued.putIfAbsent(o.subject().uid(), System.nanoTime());
    }

    @Override
    public void pickedUp(FindingObservation o) {
      pickedUp.putIfAbsent(o.subject().uid(), System.nanoTime());
    }

    @Override
    public void writing(FindingObservation template) {
      writing.putIfAbsent(template.subject().uid(), System.nanoTime());
    }

    @Override
    public void written(FindingObservation template, FindingApi.Outcome outcome) {
      if (outcome == FindingApi.Outcome.CREATED) {
        written.putIfAbsent(template.subject().uid(), System.nanoTime());
      }
    }
  }

  private long latencyMillis(String uid) {
    return Math.max(0, (findingSeen.get(uid) - received.get(uid)) / 1_000_000);
  }

  private <T extends HasMetadata> void watch(Class<T> type) {
    informers.add(
        client
            .resources(type)
            .inNamespace(NAMESPACE)
            .inform(onAdd(o -> received.putIfAbsent(o.getMetadata().getUid(), System.nanoTime()))));
  }

  private static <T> ResourceEventHandler<T> onAdd(java.util.function.Consumer<T> action) {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(T obj) {
        action.accept(obj);
      }

      @Override
      public void onUpdate(T oldObj, T newObj) {}

      @Override
      public void onDelete(T obj, boolean deletedFinalStateUnknown) {}
    };
  }
}
