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

  private final Map<String, Long> received = new ConcurrentHashMap<>();
  private final Map<String, Long> findingSeen = new ConcurrentHashMap<>();
  private final List<SharedIndexInformer<?>> informers = new ArrayList<>();

  @AfterEach
  void stopInformers() {
    informers.forEach(SharedIndexInformer::stop);
  }

  @Test
  void findingsAreWrittenWithinOneSecondOfTheEvent() throws Exception {
    await().atMost(Duration.ofSeconds(60)).until(lifecycle::synced);
    LoadDriver.namespace(client, NAMESPACE);
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
    BenchReport.write(
        "detection-latency-" + OBJECTS,
        List.of(
            String.format(
                "%,d objects (Pods, Jobs, CronJobs; %,d violating) created in %.1f s (%,.0f/s);"
                    + " all Findings written %.1f s after the first create.",
                OBJECTS, violatingUids.size(), createSeconds, OBJECTS / createSeconds, allSeconds),
            "",
            "| event → Finding written | samples | p50 ms | p90 ms | p99 ms | max ms |",
            "|---|---|---|---|---|---|",
            all.row("all violating objects"),
            first.row("first 10% created"),
            last.row("last 10% created"),
            "",
            String.format("Findings in the namespace: %,d (one per violating object).", findings)));
    assertThat(findings).isEqualTo(violatingUids.size());
    assertThat(all.percentile(99)).isLessThan(1000);
    // No growing backlog: the last objects are served about as fast as the first ones.
    assertThat(last.percentile(50)).isLessThan(Math.max(250, 3 * first.percentile(50)));
  }

  private static boolean violating(int i) {
    return i % 10 == 0;
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
