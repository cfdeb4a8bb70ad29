package io.jobguard.reliability;

import static io.jobguard.reliability.FaultyApiServer.watchOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.cache.BasicItemStore;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.jobguard.metrics.JobguardMetrics;
import io.jobguard.operator.watch.ScopedInformers;
import io.jobguard.operator.watch.WatchScope;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 7.2: the operator's informers (as {@link ScopedInformers} starts them) against watches that
 * fail. Whatever was created while the watch was down and still exists must be delivered after the
 * re-list, and the gap must be counted in {@code jobguard_watch_gaps_total}.
 */
class WatchFaultsTest {
  final FaultyApiServer server = new FaultyApiServer();
  final KubernetesClient client = server.client(3, Duration.ofSeconds(20));
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final Set<String> added = ConcurrentHashMap.newKeySet();
  ScopedInformers<Pod> informers;

  @AfterEach
  void tearDown() {
    if (informers != null) {
      informers.stop();
    }
    client.close();
    server.close();
  }

  @Test
  void goneDuringAGapLeadsToAReListThatDeliversWhatWasCreatedMeanwhile() {
    client.resource(Observations.privilegedPod("before")).create();
    server.fail(
        watchOf("pods"),
        FaultyApiServer.watchClosedAfter(Duration.ofSeconds(2), FaultyApiServer.goneEvent()));

    start();
    await().atMost(Duration.ofSeconds(10)).until(() -> added.contains("before"));
    // The watch is open but delivers nothing: this Pod is only seen through the re-list.
    client.resource(Observations.privilegedPod("during-gap")).create();

    await().atMost(Duration.ofSeconds(30)).until(() -> added.contains("during-gap"));
    await().atMost(Duration.ofSeconds(10)).until(() -> gaps() >= 1);
  }

  @Test
  void failingWatchRequestsAreCountedAndRetriedUntilTheWatchIsBack() {
    server
        .fail(watchOf("pods"), 500)
        .fail(watchOf("pods"), 503)
        .fail(watchOf("pods"), FaultyApiServer.status(410));

    start();
    client.resource(Observations.privilegedPod("after-errors")).create();

    await().atMost(Duration.ofSeconds(60)).until(() -> added.contains("after-errors"));
    assertThat(server.pendingFaults()).isZero();
    assertThat(gaps()).isGreaterThanOrEqualTo(1);
    assertThat(informers.isRunning()).isTrue();
  }

  private void start() {
    informers =
        ScopedInformers.start(
            client,
            Pod.class,
            "Pod",
            new WatchScope(List.of(Observations.NAMESPACE), Set.of()),
            () -> new BasicItemStore<>(Cache::metaNamespaceKeyFunc),
            new ResourceEventHandler<Pod>() {
              @Override
              public void onAdd(Pod pod) {
                added.add(pod.getMetadata().getName());
              }

              @Override
              public void onUpdate(Pod before, Pod after) {}

              @Override
              public void onDelete(Pod pod, boolean finalStateUnknown) {}
            },
            new JobguardMetrics(registry, false));
  }

  private double gaps() {
    var counter = registry.find("jobguard.watch.gaps").tag("kind", "Pod").counter();
    return counter == null ? 0 : counter.count();
  }
}
