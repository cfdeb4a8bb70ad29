package io.jobguard.operator.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.jobguard.api.v1alpha1.Finding;
import io.jobguard.metrics.JobguardMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Several writer threads: Findings are partitioned by key, the queue bound is shared. */
class FindingWriterPartitionsTest {
  static final int THREADS = 4;

  final GatedApi api = new GatedApi();
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final FindingWriter writer = writer(THREADS);

  @AfterEach
  void openGates() {
    api.gates.values().forEach(CountDownLatch::countDown);
  }

  @Test
  void aSlowWriteHoldsUpOnlyTheFindingsOfItsOwnThread() {
    FindingObservation slow = firstObservation(pod("slow", "uid-slow"));
    FindingObservation other = observationInAnotherPartition(slow);
    api.gate(slow.key());

    writer.record(slow);
    await().atMost(Duration.ofSeconds(5)).until(() -> api.entered.containsKey(slow.key()));
    writer.record(other);

    await().atMost(Duration.ofSeconds(5)).until(() -> api.created.containsKey(other.key()));
    assertThat(api.created).doesNotContainKey(slow.key());
    api.gates.get(slow.key()).countDown();
    await().atMost(Duration.ofSeconds(5)).until(() -> api.created.containsKey(slow.key()));
  }

  @Test
  void subjectDeletionReachesItsFindingsInEveryPartition() throws Exception {
    Pod pod = pod("many", "uid-many");
    List<FindingObservation> byRule = PrivilegedPods.observations(pod);
    assertThat(byRule.stream().map(o -> FindingWriter.partitionIndex(o.key(), THREADS)).distinct())
        .as("the pod's Findings must span partitions for this test to mean anything")
        .hasSizeGreaterThan(1);
    byRule.forEach(writer::record);
    writer.subjectDeleted(byRule.get(0).subject(), Instant.now());

    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(api.deletedMarks.keySet())
                    .containsExactlyInAnyOrderElementsOf(
                        byRule.stream().map(FindingObservation::key).toList()));
    writer.awaitIdle(Duration.ofSeconds(5));
  }

  @Test
  void theQueueBoundIsSharedByAllThreads() {
    FindingObservation first = firstObservation(pod("a", "uid-a"));
    FindingObservation second = observationInAnotherPartition(first);
    api.gate(first.key());
    api.gate(second.key());
    writer.record(first);
    writer.record(second);
    // Both threads are now stuck in a create; nothing more is taken from their queues.
    await().atMost(Duration.ofSeconds(5)).until(() -> api.entered.size() == 2);

    int over = 7;
    for (int i = 0; i < FindingWriter.MAX_QUEUED + over; i++) {
      writer.record(i % 2 == 0 ? first : second);
    }

    assertThat(registry.counter("jobguard.finding.writes", "outcome", "dropped").count())
        .isEqualTo(over);
  }

  @Test
  void atLeastOneThreadIsRequired() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> writer(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("jobguard.write.threads");
  }

  private static FindingObservation observationInAnotherPartition(FindingObservation other) {
    int taken = FindingWriter.partitionIndex(other.key(), THREADS);
    for (int i = 0; i < 100; i++) {
      FindingObservation candidate = firstObservation(pod("p-" + i, "uid-p-" + i));
      if (FindingWriter.partitionIndex(candidate.key(), THREADS) != taken) {
        return candidate;
      }
    }
    throw new AssertionError("no key outside partition " + taken);
  }

  private FindingWriter writer(int threads) {
    return new FindingWriter(
        api,
        new FindingEvents(null, false),
        new JobguardMetrics(registry, false),
        Duration.ofMillis(100),
        Clock.systemUTC(),
        threads);
  }

  /** A privileged Pod that also shares the node's namespaces: several rules fire on it. */
  private static Pod pod(String name, String uid) {
    return new PodBuilder(PrivilegedPods.pod("ops", name, uid))
        .editSpec()
        .withHostPID(true)
        .withHostIPC(true)
        .withHostNetwork(true)
        .endSpec()
        .build();
  }

  private static FindingObservation firstObservation(Pod pod) {
    return PrivilegedPods.observations(pod).get(0);
  }

  /** Creates succeed, but a gated key's create waits until its gate opens. */
  static final class GatedApi extends FindingApi {
    final Map<String, CountDownLatch> gates = new ConcurrentHashMap<>();
    final Map<String, Boolean> entered = new ConcurrentHashMap<>();
    final Map<String, Boolean> created = new ConcurrentHashMap<>();
    final Map<String, Instant> deletedMarks = new ConcurrentHashMap<>();

    GatedApi() {
      super(null);
    }

    void gate(String key) {
      gates.put(key, new CountDownLatch(1));
    }

    @Override
    Outcome create(FindingState state, OccurrenceBatch batch, Instant now) {
      entered.put(state.key(), true);
      CountDownLatch gate = gates.get(state.key());
      try {
        if (gate != null && !gate.await(10, TimeUnit.SECONDS)) {
          return Outcome.ERROR;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Outcome.ERROR;
      }
      created.put(state.key(), true);
      mark(state);
      state.createdFinding = new Finding();
      return Outcome.CREATED;
    }

    @Override
    Outcome update(FindingState state, OccurrenceBatch batch) {
      mark(state);
      return Outcome.UPDATED;
    }

    private void mark(FindingState state) {
      if (state.subjectDeletedAt != null) {
        deletedMarks.put(state.key(), state.subjectDeletedAt);
      }
    }
  }
}
