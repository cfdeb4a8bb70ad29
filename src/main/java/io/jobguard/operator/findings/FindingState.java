package io.jobguard.operator.findings;

import io.jobguard.api.v1alpha1.Finding;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What the writer knows about one Finding; touched only on the writer thread it belongs to. */
final class FindingState {
  final String namespace;
  final String name;
  final OccurrenceLedger ledger = new OccurrenceLedger();

  /** True once the Finding is known to exist in the cluster. */
  boolean exists;

  /** The observation a new Finding is built from. */
  FindingObservation template;

  /** The verdict the Finding in the cluster shows; null until known. */
  FindingVerdict written;

  String subjectUid;
  Instant subjectDeletedAt;
  boolean flushScheduled;
  int failures;

  /** The wait the API server asked for with the last failure (429 retryAfterSeconds). */
  Duration retryAfter = Duration.ZERO;

  /** How long re-occurrences are merged before the next status write (null: the base window). */
  Duration window;

  /** When the last occurrence was accepted, to tell a recurring Finding from a quiet one. */
  Instant lastOccurrence;

  /**
   * Latency samples per write, at most: like the pending occurrences, what a Finding holds through
   * an API outage stays bounded; the histogram then samples the first of a long batch.
   */
  static final int MAX_LATENCY_SAMPLES = 64;

  /** creationTimestamps of the objects in the pending batch, for the latency histogram. */
  final List<Instant> latencyStarts = new ArrayList<>();

  /** The last state of this Finding when someone else deleted it; it is written back from it. */
  Finding deletedCopy;

  /** The Finding as a successful write left it, for the Event that announces it. */
  Finding createdFinding;

  FindingState(String namespace, String name) {
    this.namespace = namespace;
    this.name = name;
  }

  static FindingState restored(Finding finding) {
    FindingState state =
        new FindingState(finding.getMetadata().getNamespace(), finding.getMetadata().getName());
    state.exists = true;
    state.ledger.restoreFrom(finding.getStatus());
    state.written = FindingVerdict.of(finding);
    if (finding.getSpec() != null && finding.getSpec().getSubject() != null) {
      state.subjectUid = finding.getSpec().getSubject().getUid();
    }
    return state;
  }

  /** A Finding to write back after someone else deleted it, keeping what the writer knew. */
  static FindingState deletedByOthers(Finding deleted, FindingState previous) {
    FindingState state = restored(deleted);
    state.exists = false;
    state.deletedCopy = deleted;
    if (previous != null) {
      state.template = previous.template;
      state.subjectDeletedAt = previous.subjectDeletedAt;
    }
    return state;
  }

  /** The verdict the latest observation asks for; null before any. */
  FindingVerdict wanted() {
    return template == null ? null : FindingVerdict.of(template);
  }

  /** True when the Finding exists but shows another verdict than the latest observation's. */
  boolean outdated() {
    FindingVerdict wanted = wanted();
    return exists
        && wanted != null
        && written != null
        && (wanted.statusDiffers(written) || wanted.specDiffers(written, template.ownSubject()));
  }

  String key() {
    return FindingWriter.key(namespace, name);
  }
}
