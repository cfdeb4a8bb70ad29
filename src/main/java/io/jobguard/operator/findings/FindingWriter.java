package io.jobguard.operator.findings;

import io.jobguard.api.v1alpha1.Finding;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * One Finding per (subject, rule), written by {@code jobguard.write.threads} writer threads. Each
 * Finding belongs to one of them by the hash of its key, so its state is confined to one thread (no
 * locks) and its writes stay in order, while a slow API call holds up only the Findings that share
 * its thread. Informer threads never wait for the API server. How often a Finding is written is
 * {@link WritePacing}'s business.
 */
@ApplicationScoped
public class FindingWriter {
  /** Observations waiting for all writers together; beyond this a flood is shed (and counted). */
  static final int MAX_QUEUED = 50_000;

  private static final Logger LOG = Logger.getLogger(FindingWriter.class);

  private final JobguardMetrics metrics;
  private final List<WriterPartition> partitions;
  private final AtomicInteger queued = new AtomicInteger();
  private volatile WriteProbe probe = WriteProbe.NONE;

  @Inject
  public FindingWriter(
      FindingApi api, FindingEvents events, JobguardMetrics metrics, JobguardConfig config) {
    this(
        api,
        events,
        metrics,
        config.write().coalesceWindow(),
        Clock.systemUTC(),
        config.write().threads());
  }

  /** For tests and tools that run the writer without CDI: one writer thread. */
  public FindingWriter(
      FindingApi api,
      FindingEvents events,
      JobguardMetrics metrics,
      Duration coalesceWindow,
      Clock clock) {
    this(api, events, metrics, coalesceWindow, clock, 1);
  }

  public FindingWriter(
      FindingApi api,
      FindingEvents events,
      JobguardMetrics metrics,
      Duration coalesceWindow,
      Clock clock,
      int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("jobguard.write.threads must be at least 1: " + threads);
    }
    this.metrics = metrics;
    WritePacing pacing = new WritePacing(coalesceWindow);
    List<WriterPartition> all = new ArrayList<>(threads);
    for (int i = 0; i < threads; i++) {
      all.add(
          new WriterPartition(api, events, metrics, pacing, clock, "jobguard-finding-writer-" + i));
    }
    this.partitions = List.copyOf(all);
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
    partitionOf(observation.key()).record(observation, queued::decrementAndGet);
  }

  /**
   * The verdict of one rule on one object under a new policy (or after an exception expired). An
   * existing Finding is rewritten if its severity, suppression or evidence changed, without
   * counting an occurrence; a Finding that does not exist is created as by {@link #record}.
   */
  public void rejudge(FindingObservation observation) {
    partitionOf(observation.key()).rejudge(observation);
  }

  /** The subject with this uid was deleted: its Findings stay, marked as evidence of the past. */
  public void subjectDeleted(ObjectRef subject, Instant at) {
    partitions.forEach(p -> p.subjectDeleted(subject.uid(), at));
  }

  /** A Finding exists in the cluster (seen by the Finding informer, e.g. after a restart). */
  public void restore(Finding finding) {
    partitionOf(keyOf(finding)).restore(finding);
  }

  /** A Finding was deleted; a later occurrence re-creates it. */
  public void forget(Finding finding) {
    String key = keyOf(finding);
    partitionOf(key).forget(key);
  }

  /**
   * Someone other than jobguard deleted this Finding while its subject still exists: deleting
   * evidence does not make the violation go away, so the Finding is written back as it was.
   */
  public void recreate(Finding deleted) {
    partitionOf(keyOf(deleted)).recreate(deleted);
  }

  /** Forgets all state, as a restarted process would; pending occurrences are lost. */
  public void reset() {
    partitions.forEach(WriterPartition::reset);
  }

  /** Waits until everything submitted before this call has been handled (tests, shutdown). */
  public void awaitIdle(Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<Future<?>> idle = partitions.stream().<Future<?>>map(WriterPartition::idle).toList();
    for (Future<?> f : idle) {
      f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }
  }

  /** Installs a probe that is told when observations pass each stage (benchmarks). */
  public void probe(WriteProbe probe) {
    this.probe = probe == null ? WriteProbe.NONE : probe;
    partitions.forEach(p -> p.probe(this.probe));
  }

  void onShutdown(@Observes ShutdownEvent event) {
    partitions.forEach(WriterPartition::shutdown);
  }

  static String keyOf(Finding finding) {
    return key(finding.getMetadata().getNamespace(), finding.getMetadata().getName());
  }

  /** How the writer, its partitions and the Finding informer name one Finding. */
  static String key(String namespace, String name) {
    return namespace + "/" + name;
  }

  /** The partition a Finding key belongs to; stable for the life of the process. */
  static int partitionIndex(String key, int partitions) {
    return Math.floorMod(key.hashCode(), partitions);
  }

  private WriterPartition partitionOf(String key) {
    return partitions.get(partitionIndex(key, partitions.size()));
  }
}
