package io.jobguard.operator.findings;

import io.jobguard.api.v1alpha1.Finding;
import io.jobguard.metrics.JobguardMetrics;
import io.jobguard.operator.DaemonThreads;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The Findings whose keys hash to one partition, and the one thread that writes them. All state of
 * a Finding is touched on that thread only, so it needs no locks; a slow write holds up only the
 * Findings of its own partition. Every public method hands its work to the thread and returns.
 */
final class WriterPartition {
  private static final Logger LOG = Logger.getLogger(WriterPartition.class);

  private final FindingApi api;
  private final FindingEvents events;
  private final JobguardMetrics metrics;
  private final WritePacing pacing;
  private final Clock clock;
  private final ScheduledExecutorService executor;
  private final FindingStates states = new FindingStates();
  private volatile WriteProbe probe = WriteProbe.NONE;

  WriterPartition(
      FindingApi api,
      FindingEvents events,
      JobguardMetrics metrics,
      WritePacing pacing,
      Clock clock,
      String threadName) {
    this.api = api;
    this.events = events;
    this.metrics = metrics;
    this.pacing = pacing;
    this.clock = clock;
    this.executor = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named(threadName));
  }

  /** An occurrence; {@code taken} runs on the writer thread first (the router's queue count). */
  void record(FindingObservation observation, Runnable taken) {
    run(
        () -> {
          taken.run();
          probe.pickedUp(observation);
          onObservation(observation);
        });
  }

  void rejudge(FindingObservation observation) {
    run(() -> onRejudge(observation));
  }

  /** Broadcast: Findings of one subject can sit in any partition (their keys differ by rule). */
  void subjectDeleted(String uid, Instant at) {
    run(() -> onSubjectDeleted(uid, at));
  }

  void restore(Finding finding) {
    run(() -> onRestore(finding));
  }

  void forget(String key) {
    run(() -> states.drop(key));
  }

  void recreate(Finding deleted) {
    run(() -> onRecreate(deleted));
  }

  void reset() {
    run(states::clear);
  }

  /** Done once everything submitted before it has been handled. */
  Future<?> idle() {
    return executor.submit(() -> {});
  }

  void probe(WriteProbe probe) {
    this.probe = probe;
  }

  void shutdown() {
    executor.shutdownNow();
  }

  private void onObservation(FindingObservation observation) {
    FindingState state = states.forObservation(observation);
    Instant now = clock.instant();
    if (!state.ledger.accept(observation.rollup().evaluated(), observation.createdAt(), now)) {
      // Seen before, but its template may have changed since (a CronJob edit).
      if (state.outdated()) {
        scheduleFlush(state, Duration.ZERO);
      }
      return;
    }
    metrics.detection(
        observation.ruleId(),
        observation.severity().word(),
        observation.subject().kind(),
        observation.subject().namespace());
    if (observation.createdAt() != null
        && state.latencyStarts.size() < FindingState.MAX_LATENCY_SAMPLES) {
      state.latencyStarts.add(observation.createdAt());
    }
    scheduleFlush(state, state.exists ? pacing.recurrenceWindow(state, now) : Duration.ZERO);
  }

  private void onRejudge(FindingObservation observation) {
    FindingState state = states.get(observation.key());
    if (state == null || !state.exists) {
      onObservation(observation);
      return;
    }
    if (state.template != null && state.template.ownSubject() && !observation.ownSubject()) {
      // The subject itself is judged too (re-judging takes it last) and its template is the one
      // the Finding shows; a Pod of it must not replace it.
      return;
    }
    state.template = observation;
    if (state.outdated()) {
      scheduleFlush(state, Duration.ZERO);
    }
  }

  private void onSubjectDeleted(String uid, Instant at) {
    for (FindingState state : states.ofSubject(uid)) {
      if (state.subjectDeletedAt == null) {
        state.subjectDeletedAt = at;
        scheduleFlush(state, Duration.ZERO);
      }
    }
  }

  private void onRestore(Finding finding) {
    String key = FindingWriter.keyOf(finding);
    FindingState state = states.get(key);
    if (state == null) {
      state = FindingState.restored(finding);
      states.put(state);
    }
    state.exists = true;
  }

  private void onRecreate(Finding deleted) {
    String key = FindingWriter.keyOf(deleted);
    FindingState state = FindingState.deletedByOthers(deleted, states.get(key));
    states.put(state);
    scheduleFlush(state, Duration.ZERO);
  }

  private void scheduleFlush(FindingState state, Duration delay) {
    if (state.flushScheduled) {
      return;
    }
    state.flushScheduled = true;
    executor.schedule(() -> flush(state), delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void flush(FindingState state) {
    state.flushScheduled = false;
    if (!states.isCurrent(state)) {
      return;
    }
    OccurrenceBatch batch = state.ledger.drain();
    Instant now = clock.instant();
    if (state.template != null) {
      probe.writing(state.template);
    }
    FindingApi.Outcome outcome = write(state, batch, now);
    if (state.template != null) {
      probe.written(state.template, outcome);
    }
    metrics.findingWrite(outcome.metricValue());
    if (state.deletedCopy != null && outcome != FindingApi.Outcome.ERROR) {
      if (outcome == FindingApi.Outcome.NOT_FOUND) {
        // Its namespace is going away: nothing left to write back into.
        states.drop(state.key());
        return;
      }
      state.deletedCopy = null;
    }
    switch (outcome) {
      case CREATED -> afterWrite(state, now, true);
      case UPDATED -> {
        if (!batch.isEmpty()) {
          pacing.widen(state);
        }
        afterWrite(state, now, false);
      }
      case ALREADY_EXISTS -> retry(state, batch, true);
      case NOT_FOUND -> retry(state, batch, false);
      case ERROR -> retry(state, batch, state.exists);
    }
  }

  private FindingApi.Outcome write(FindingState state, OccurrenceBatch batch, Instant now) {
    if (state.exists) {
      return api.update(state, batch);
    }
    return state.deletedCopy != null ? api.recreate(state, batch) : api.create(state, batch, now);
  }

  private void afterWrite(FindingState state, Instant now, boolean created) {
    state.exists = true;
    state.failures = 0;
    state.latencyStarts.forEach(start -> metrics.latency(Duration.between(start, now)));
    state.latencyStarts.clear();
    if (state.template != null) {
      announce(state, now, created);
      state.written = state.wanted();
    }
    state.createdFinding = null;
    if (state.ledger.hasPending()) {
      scheduleFlush(state, pacing.current(state));
    }
  }

  /**
   * An Event for a new Finding, and for one an exception no longer covers, which is reported again
   * (and counted again) like a new one. Suppressed Findings are announced by neither.
   */
  private void announce(FindingState state, Instant now, boolean created) {
    FindingObservation o = state.template;
    if (o.suppressed() || state.createdFinding == null) {
      return;
    }
    boolean reportedAgain = !created && state.written != null && state.written.suppressed();
    if (created || reportedAgain) {
      events.newFinding(state.createdFinding, now);
    }
    if (reportedAgain) {
      metrics.detection(
          o.ruleId(), o.severity().word(), o.subject().kind(), o.subject().namespace());
    }
  }

  private void retry(FindingState state, OccurrenceBatch batch, boolean exists) {
    state.ledger.requeue(batch);
    state.exists = exists;
    state.failures++;
    Duration delay = WritePacing.backoff(state.failures);
    if (state.retryAfter.compareTo(delay) > 0) {
      delay = state.retryAfter;
    }
    state.retryAfter = Duration.ZERO;
    scheduleFlush(state, delay);
  }

  private void run(Runnable task) {
    executor.execute(
        () -> {
          try {
            task.run();
          } catch (RuntimeException e) {
            LOG.error("finding writer task failed", e);
          }
        });
  }
}
