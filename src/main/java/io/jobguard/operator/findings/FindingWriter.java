package io.jobguard.operator.findings;

import io.jobguard.api.v1alpha1.Finding;
import io.jobguard.api.v1alpha1.Occurrence;
import io.jobguard.metrics.JobguardMetrics;
import io.jobguard.model.ObjectRef;
import io.jobguard.operator.JobguardConfig;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * One Finding per (subject, rule). Everything runs on one writer thread, so informer threads never
 * wait for the API server and the per-Finding state needs no locks. A new Finding is written at
 * once; re-occurrences are merged for {@code jobguard.write.coalesce-window} into one status
 * update, so a busy CronJob does not cost an API write per run.
 *
 * <p>A Finding that keeps recurring doubles its window after every status write, up to {@link
 * #MAX_WINDOW_FACTOR} times the configured one (about 21 minutes at the default 10 s): a CronJob
 * that fires every minute then costs some 75 writes a day instead of 1,440 (docs/benchmarks.md).
 * Once it has been quiet for longer than that cap, the next occurrence is written after the base
 * window again. New Findings and deleted subjects are always written at once.
 */
@ApplicationScoped
public class FindingWriter {
  /** Observations waiting for the writer; beyond this a flood is shed (and counted). */
  static final int MAX_QUEUED = 50_000;

  /** The longest re-occurrence window, as a multiple of the configured coalesce window. */
  static final int MAX_WINDOW_FACTOR = 128;

  private static final Logger LOG = Logger.getLogger(FindingWriter.class);

  private final FindingApi api;
  private final FindingEvents events;
  private final JobguardMetrics metrics;
  private final Duration coalesceWindow;
  private final Clock clock;
  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "jobguard-finding-writer");
            t.setDaemon(true);
            return t;
          });
  private final AtomicInteger queued = new AtomicInteger();
  private final Map<String, FindingState> states = new HashMap<>();
  private final Map<String, Set<String>> keysBySubjectUid = new HashMap<>();
  private volatile WriteProbe probe = WriteProbe.NONE;

  @Inject
  public FindingWriter(
      FindingApi api, FindingEvents events, JobguardMetrics metrics, JobguardConfig config) {
    this(api, events, metrics, config.write().coalesceWindow(), Clock.systemUTC());
  }

  /** For tests and tools that run the writer without CDI. */
  public FindingWriter(
      FindingApi api,
      FindingEvents events,
      JobguardMetrics metrics,
      Duration coalesceWindow,
      Clock clock) {
    this.api = api;
    this.events = events;
    this.metrics = metrics;
    this.coalesceWindow = coalesceWindow;
    this.clock = clock;
  }

  /** Records detections of one rule on one object; called from informer threads. */
  public void record(FindingObservation observation) {
    if (queued.incrementAndGet() > MAX_QUEUED) {
      queued.decrementAndGet();
      metrics.findingWrite("dropped");
      LOG.errorf(
          "writer queue full, dropped %s on %s", observation.ruleId(), observation.subject());
      return;
    }
    probe.queued(observation);
    run(
        () -> {
          queued.decrementAndGet();
          probe.pickedUp(observation);
          onObservation(observation);
        });
  }

  /**
   * The verdict of one rule on one object under a new policy (or after an exception expired). An
   * existing Finding is rewritten if its severity, suppression or evidence changed, without
   * counting an occurrence; a Finding that does not exist is created as by {@link #record}.
   */
  public void rejudge(FindingObservation observation) {
    run(() -> onRejudge(observation));
  }

  /** The subject with this uid was deleted: its Findings stay, marked as evidence of the past. */
  public void subjectDeleted(ObjectRef subject, Instant at) {
    run(() -> onSubjectDeleted(subject.uid(), at));
  }

  /** A Finding exists in the cluster (seen by the Finding informer, e.g. after a restart). */
  public void restore(Finding finding) {
    run(() -> onRestore(finding));
  }

  /** A Finding was deleted; a later occurrence re-creates it. */
  public void forget(Finding finding) {
    run(() -> drop(finding.getMetadata().getNamespace() + "/" + finding.getMetadata().getName()));
  }

  /**
   * Someone other than jobguard deleted this Finding while its subject still exists: deleting
   * evidence does not make the violation go away, so the Finding is written back as it was.
   */
  public void recreate(Finding deleted) {
    run(
        () -> {
          String key = deleted.getMetadata().getNamespace() + "/" + deleted.getMetadata().getName();
          FindingState state = FindingState.deletedByOthers(deleted, states.get(key));
          drop(key);
          states.put(key, state);
          index(state, state.subjectUid);
          scheduleFlush(state, Duration.ZERO);
        });
  }

  /** Forgets all state, as a restarted process would; pending occurrences are lost. */
  public void reset() {
    run(
        () -> {
          states.clear();
          keysBySubjectUid.clear();
        });
  }

  /** Waits until everything submitted before this call has been handled (tests, shutdown). */
  public void awaitIdle(Duration timeout) throws Exception {
    executor.submit(() -> {}).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Installs a probe that is told when observations pass each stage (benchmarks). */
  public void probe(WriteProbe probe) {
    this.probe = probe == null ? WriteProbe.NONE : probe;
  }

  void onShutdown(@Observes ShutdownEvent event) {
    executor.shutdownNow();
  }

  private void onObservation(FindingObservation observation) {
    FindingState state = stateFor(observation);
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
    if (observation.createdAt() != null) {
      state.latencyStarts.add(observation.createdAt());
    }
    scheduleFlush(state, state.exists ? recurrenceWindow(state, now) : Duration.ZERO);
  }

  /** The current window of a recurring Finding; back to the base one after a quiet spell. */
  private Duration recurrenceWindow(FindingState state, Instant now) {
    Duration longest = coalesceWindow.multipliedBy(MAX_WINDOW_FACTOR);
    if (state.window == null
        || state.lastOccurrence == null
        || Duration.between(state.lastOccurrence, now).compareTo(longest) > 0) {
      state.window = coalesceWindow;
    }
    state.lastOccurrence = now;
    return state.window;
  }

  private void widenWindow(FindingState state) {
    Duration longest = coalesceWindow.multipliedBy(MAX_WINDOW_FACTOR);
    Duration current = state.window == null ? coalesceWindow : state.window;
    Duration doubled = current.multipliedBy(2);
    state.window = doubled.compareTo(longest) > 0 ? longest : doubled;
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

  private FindingState stateFor(FindingObservation observation) {
    String key = observation.key();
    FindingState state = states.get(key);
    if (state == null) {
      int slash = key.indexOf('/');
      state = new FindingState(key.substring(0, slash), key.substring(slash + 1));
      states.put(key, state);
    }
    state.template = observation;
    String uid = observation.subject().uid();
    if (uid != null && !uid.equals(state.subjectUid)) {
      // Same name, new uid: the subject was re-created, so it exists again.
      state.subjectDeletedAt = null;
    }
    index(state, uid);
    return state;
  }

  private void onSubjectDeleted(String uid, Instant at) {
    for (String key : keysBySubjectUid.getOrDefault(uid, Set.of())) {
      FindingState state = states.get(key);
      if (state != null && state.subjectDeletedAt == null) {
        state.subjectDeletedAt = at;
        scheduleFlush(state, Duration.ZERO);
      }
    }
  }

  private void onRestore(Finding finding) {
    String key = finding.getMetadata().getNamespace() + "/" + finding.getMetadata().getName();
    FindingState state = states.get(key);
    if (state == null) {
      state = FindingState.restored(finding);
      states.put(key, state);
      index(state, state.subjectUid);
    }
    state.exists = true;
  }

  private void drop(String key) {
    FindingState state = states.remove(key);
    if (state != null && state.subjectUid != null) {
      Set<String> keys = keysBySubjectUid.get(state.subjectUid);
      if (keys != null) {
        keys.remove(key);
      }
    }
  }

  private void index(FindingState state, String subjectUid) {
    if (subjectUid == null) {
      return;
    }
    state.subjectUid = subjectUid;
    keysBySubjectUid.computeIfAbsent(subjectUid, u -> new HashSet<>()).add(state.key());
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
    if (states.get(state.key()) != state) {
      return;
    }
    List<Occurrence> batch = state.ledger.drain();
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
        drop(state.key());
        return;
      }
      state.deletedCopy = null;
    }
    switch (outcome) {
      case CREATED -> afterWrite(state, now, true);
      case UPDATED -> {
        if (!batch.isEmpty()) {
          widenWindow(state);
        }
        afterWrite(state, now, false);
      }
      case ALREADY_EXISTS -> retry(state, batch, true);
      case NOT_FOUND -> retry(state, batch, false);
      case ERROR -> retry(state, batch, state.exists);
    }
  }

  private FindingApi.Outcome write(FindingState state, List<Occurrence> batch, Instant now) {
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
      scheduleFlush(state, state.window == null ? coalesceWindow : state.window);
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

  private void retry(FindingState state, List<Occurrence> batch, boolean exists) {
    state.ledger.requeue(batch);
    state.exists = exists;
    state.failures++;
    Duration delay = backoff(state.failures);
    if (state.retryAfter.compareTo(delay) > 0) {
      delay = state.retryAfter;
    }
    state.retryAfter = Duration.ZERO;
    scheduleFlush(state, delay);
  }

  /** Immediate for the first two tries (a lost create/update race), then exponential to 5 min. */
  static Duration backoff(int failures) {
    if (failures <= 2) {
      return Duration.ZERO;
    }
    return Duration.ofSeconds(Math.min(300, 1L << Math.min(9, failures - 2)));
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
