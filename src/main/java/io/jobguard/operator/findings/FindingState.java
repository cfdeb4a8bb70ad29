package io.jobguard.operator.findings;

import io.jobguard.api.v1alpha1.Finding;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What the writer knows about one Finding; touched only on the writer thread. */
final class FindingState {
  final String namespace;
  final String name;
  final OccurrenceLedger ledger = new OccurrenceLedger();

  /** True once the Finding is known to exist in the cluster. */
  boolean exists;

  /** The observation a new Finding is built from. */
  FindingObservation template;

  String subjectUid;
  Instant subjectDeletedAt;
  boolean flushScheduled;
  int failures;

  /** How long re-occurrences are merged before the next status write (null: the base window). */
  Duration window;

  /** When the last occurrence was accepted, to tell a recurring Finding from a quiet one. */
  Instant lastOccurrence;

  /** creationTimestamps of the objects in the pending batch, for the latency histogram. */
  final List<Instant> latencyStarts = new ArrayList<>();

  /** Set by a successful create, for the Event that announces it. */
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
    if (finding.getSpec() != null && finding.getSpec().getSubject() != null) {
      state.subjectUid = finding.getSpec().getSubject().getUid();
    }
    return state;
  }

  String key() {
    return namespace + "/" + name;
  }
}
