package io.jobguard.operator.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.jobguard.api.v1alpha1.Finding;
import io.jobguard.metrics.JobguardMetrics;
import io.jobguard.model.ObjectRef;
import io.jobguard.model.Workload;
import io.jobguard.model.WorkloadFactory;
import io.jobguard.operator.Rollup;
import io.jobguard.policy.EffectivePolicy;
import io.jobguard.rules.Profile;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The writer's coalescing and idempotency, with the API calls recorded instead of made. */
class FindingWriterTest {
  static final Duration WINDOW = Duration.ofMillis(400);
  static final ObjectRef CRON_JOB = new ObjectRef("batch/v1", "CronJob", "ops", "maint", "uid-cj");

  final RecordingApi api = new RecordingApi();
  final List<Finding> events = new CopyOnWriteArrayList<>();
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final FindingWriter writer =
      new FindingWriter(
          api,
          new FindingEvents(null, true) {
            @Override
            public void newFinding(Finding finding, Instant now) {
              events.add(finding);
            }
          },
          new JobguardMetrics(registry, false),
          WINDOW,
          Clock.systemUTC());

  @Test
  void newFindingIsCreatedAtOnceAndReOccurrencesAreCoalesced() throws Exception {
    writer.record(observation(privilegedPod("run-1", "uid-1")));
    await().atMost(Duration.ofSeconds(5)).until(() -> api.calls.size() == 1);
    assertThat(api.calls.get(0)).isEqualTo("create 1");
    assertThat(events).hasSize(1);

    writer.record(observation(privilegedPod("run-2", "uid-2")));
    writer.record(observation(privilegedPod("run-3", "uid-3")));
    writer.record(observation(privilegedPod("run-2", "uid-2")));
    await().atMost(Duration.ofSeconds(5)).until(() -> api.calls.size() == 2);
    Thread.sleep(WINDOW.toMillis() * 2);

    assertThat(api.calls).containsExactly("create 1", "update 2");
    assertThat(events).hasSize(1);
    assertThat(
            registry
                .counter(
                    "jobguard.detections",
                    "rule",
                    "privileged-container",
                    "severity",
                    "critical",
                    "subject_kind",
                    "CronJob")
                .count())
        .isEqualTo(3);
  }

  @Test
  void recurringFindingIsWrittenLessAndLessOften() throws Exception {
    RecordingApi recording = new RecordingApi();
    FindingWriter fast =
        new FindingWriter(
            recording,
            new FindingEvents(null, false),
            new JobguardMetrics(new SimpleMeterRegistry(), false),
            Duration.ofMillis(20),
            Clock.systemUTC());
    int runs = 150;
    for (int i = 0; i <= runs; i++) {
      fast.record(observation(privilegedPod("run-" + i, "uid-" + i)));
      Thread.sleep(10);
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> occurrencesWritten(recording) == runs + 1);

    // A fixed 20 ms window would take some 75 updates for 1.5 s of runs every 10 ms.
    assertThat(recording.calls.stream().filter(c -> c.startsWith("update"))).hasSizeLessThan(15);
  }

  private static int occurrencesWritten(RecordingApi recording) {
    return recording.calls.stream()
        .mapToInt(c -> Integer.parseInt(c.substring(c.indexOf(' ') + 1)))
        .sum();
  }

  @Test
  void restoredFindingIsUpdatedNeverCreated() throws Exception {
    Finding existing = new Finding();
    existing.setMetadata(
        new io.fabric8.kubernetes.api.model.ObjectMetaBuilder()
            .withNamespace("ops")
            .withName("cronjob-maint-privileged-container")
            .build());
    existing.setStatus(new io.jobguard.api.v1alpha1.FindingStatus());
    existing.getStatus().setLastSeen(Instant.now().minusSeconds(60).toString());
    writer.restore(existing);

    writer.record(observation(privilegedPod("new-run", "uid-new")));
    await().atMost(Duration.ofSeconds(5)).until(() -> api.calls.size() == 1);

    assertThat(api.calls).containsExactly("update 1");
    assertThat(events).isEmpty();
  }

  @Test
  void subjectDeletionIsWrittenEvenBeforeTheCreateWentOut() throws Exception {
    writer.record(observation(privilegedPod("run-1", "uid-1")));
    writer.subjectDeleted(CRON_JOB, Instant.now());
    await().atMost(Duration.ofSeconds(5)).until(() -> !api.calls.isEmpty());
    writer.awaitIdle(Duration.ofSeconds(5));

    assertThat(api.deletedMarks).isNotEmpty();
  }

  @Test
  void failedWriteIsRetriedWithTheSameOccurrences() throws Exception {
    api.failNext = 1;
    writer.record(observation(privilegedPod("run-1", "uid-1")));
    await().atMost(Duration.ofSeconds(5)).until(() -> api.calls.contains("create 1"));
    assertThat(api.calls).startsWith("error");
  }

  private static Pod privilegedPod(String name, String uid) {
    return PrivilegedPods.pod("ops", name, uid);
  }

  private static FindingObservation observation(HasMetadata object) {
    Workload workload = WorkloadFactory.from(object).orElseThrow();
    var detections = EffectivePolicy.defaults(Profile.BASELINE).evaluate(workload, Instant.now());
    Rollup rollup = new Rollup(CRON_JOB, List.of(workload.subject(), CRON_JOB));
    return new FindingObservation(
        rollup,
        workload,
        detections,
        Instant.parse(object.getMetadata().getCreationTimestamp()),
        Instant.now());
  }

  /** Records calls; the writer thread is the only caller, the test thread only reads. */
  static final class RecordingApi extends FindingApi {
    final List<String> calls = new CopyOnWriteArrayList<>();
    final List<Instant> deletedMarks = new CopyOnWriteArrayList<>();
    volatile int failNext;

    RecordingApi() {
      super(null);
    }

    @Override
    Outcome create(FindingState state, OccurrenceBatch batch, Instant now) {
      if (failNext > 0) {
        failNext--;
        calls.add("error");
        return Outcome.ERROR;
      }
      calls.add("create " + batch.count());
      if (state.subjectDeletedAt != null) {
        deletedMarks.add(state.subjectDeletedAt);
      }
      state.createdFinding = new Finding();
      return Outcome.CREATED;
    }

    @Override
    Outcome update(FindingState state, OccurrenceBatch batch) {
      calls.add("update " + batch.count());
      if (state.subjectDeletedAt != null) {
        deletedMarks.add(state.subjectDeletedAt);
      }
      return Outcome.UPDATED;
    }
  }
}
