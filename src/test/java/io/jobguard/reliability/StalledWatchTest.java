package io.jobguard.reliability;

import static io.jobguard.reliability.FaultyApiServer.watchOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.cache.BasicItemStore;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.jobguard.metrics.JobguardMetrics;
import io.jobguard.operator.watch.ScopedInformers;
import io.jobguard.operator.watch.StallWatchdog;
import io.jobguard.operator.watch.WatchScope;
import io.jobguard.operator.watch.WorkloadInformers;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 7.2, the third watch fault: a watch that stays open and silent (no events, no bookmarks,
 * never closed by the server). The stall watchdog must replace it with a new list and watch, so
 * that what was created during the stall is delivered, and count the gap; a quiet watch that does
 * receive bookmarks must be left alone.
 */
class StalledWatchTest {
  // Well above the pauses a loaded build machine causes (2 s event-loop stalls were seen), so that
  // the bookmarks of the quiet watch keep it moving.
  static final Duration STALL_TIMEOUT = Duration.ofSeconds(4);

  final FaultyApiServer server = new FaultyApiServer();
  final KubernetesClient client = server.client(3, Duration.ofSeconds(20));
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final Map<String, AtomicInteger> adds = new ConcurrentHashMap<>();
  final Set<String> deleted = ConcurrentHashMap.newKeySet();
  ScopedInformers<Pod> informers;
  StallWatchdog watchdog;

  @AfterEach
  void tearDown() {
    if (watchdog != null) {
      watchdog.close();
    }
    if (informers != null) {
      informers.stop();
    }
    client.close();
    server.close();
  }

  @Test
  void aSilentWatchIsReplacedByAReListThatDeliversWhatWasCreatedDuringTheStall() {
    client.resource(Observations.privilegedPod("before")).create();
    client.resource(Observations.privilegedPod("deleted-during-stall")).create();
    server.fail(watchOf("pods"), FaultyApiServer.silentWatch());

    start();
    await().atMost(Duration.ofSeconds(10)).until(() -> added("before") && informers.hasSynced());
    client.resource(Observations.privilegedPod("during-stall")).create();
    client.resource(Observations.privilegedPod("deleted-during-stall")).delete();

    // Nothing arrives on the stalled watch, so only the watchdog's re-list can deliver the Pod.
    await()
        .during(STALL_TIMEOUT.dividedBy(2))
        .atMost(STALL_TIMEOUT)
        .until(() -> !added("during-stall"));
    await().atMost(STALL_TIMEOUT.multipliedBy(4)).until(() -> added("during-stall"));

    assertThat(gaps()).isGreaterThanOrEqualTo(1);
    assertThat(deleted).contains("deleted-during-stall");
    // The re-list went into the kept store: what it already had is not added a second time.
    assertThat(adds.get("before")).hasValue(1);
    assertThat(informers.cached(Observations.NAMESPACE, "during-stall")).isPresent();
    assertThat(lists()).isGreaterThanOrEqualTo(2);

    // The replacement informer has the handler and a working watch.
    client.resource(Observations.privilegedPod("after-restart")).create();
    await().atMost(Duration.ofSeconds(10)).until(() -> added("after-restart"));
    assertThat(informers.isRunning()).isTrue();
  }

  @Test
  void aQuietWatchThatReceivesBookmarksIsNotRestarted() {
    client.resource(Observations.privilegedPod("before")).create();
    server.fail(watchOf("pods"), server.watchWithBookmarks(Duration.ofMillis(250)));

    start();
    await().atMost(Duration.ofSeconds(10)).until(() -> added("before") && informers.hasSynced());

    await()
        .during(STALL_TIMEOUT.multipliedBy(2))
        .atMost(STALL_TIMEOUT.multipliedBy(3))
        .until(() -> lists() == 1 && gaps() == 0);
    assertThat(adds.get("before")).hasValue(1);
  }

  @Test
  void theOperatorsWorkloadInformersRunTheWatchdog() {
    server.fail(watchOf("pods"), FaultyApiServer.silentWatch());
    WorkloadInformers workloads =
        new WorkloadInformers(client, new JobguardMetrics(registry, false), STALL_TIMEOUT);
    try {
      workloads
          .start(
              new WatchScope(List.of(Observations.NAMESPACE), Set.of()),
              // No object of another kind exists, so every add recorded is a Pod's.
              kind -> recording())
          .get(20, TimeUnit.SECONDS);
      client.resource(Observations.privilegedPod("during-stall")).create();

      await().atMost(STALL_TIMEOUT.multipliedBy(4)).until(() -> added("during-stall"));
      assertThat(gaps()).isGreaterThanOrEqualTo(1);
    } catch (Exception e) {
      throw new AssertionError(e);
    } finally {
      workloads.stop();
    }
  }

  private <T extends HasMetadata> ResourceEventHandler<T> recording() {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(T object) {
        adds.computeIfAbsent(object.getMetadata().getName(), n -> new AtomicInteger())
            .incrementAndGet();
      }

      @Override
      public void onUpdate(T before, T after) {}

      @Override
      public void onDelete(T object, boolean finalStateUnknown) {
        deleted.add(object.getMetadata().getName());
      }
    };
  }

  private void start() {
    informers =
        ScopedInformers.start(
            client,
            Pod.class,
            "Pod",
            new WatchScope(List.of(Observations.NAMESPACE), Set.of()),
            () -> new BasicItemStore<>(Cache::metaNamespaceKeyFunc),
            this.<Pod>recording(),
            new JobguardMetrics(registry, false));
    watchdog = StallWatchdog.start(STALL_TIMEOUT, List.of(informers));
  }

  private boolean added(String name) {
    return adds.containsKey(name);
  }

  private long lists() {
    return server.exchanges().stream()
        .filter(e -> e.method().equals("GET") && e.path().contains("/pods"))
        .filter(e -> !e.path().contains("watch=true"))
        .count();
  }

  private double gaps() {
    var counter = registry.find("jobguard.watch.gaps").tag("kind", "Pod").counter();
    return counter == null ? 0 : counter.count();
  }
}
