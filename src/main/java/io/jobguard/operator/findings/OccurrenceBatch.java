package io.jobguard.operator.findings;

import io.jobguard.api.v1alpha1.Occurrence;
import java.util.ArrayList;
import java.util.List;

/**
 * Occurrences of one Finding not yet written: how many, when the first of them was seen, and the
 * few most recent in full. Only those few reach the Finding's status anyway, so a subject that
 * keeps recurring through a long API outage costs the same memory as one that recurred once.
 */
record OccurrenceBatch(long count, String firstSeenAt, List<Occurrence> recent) {
  static final OccurrenceBatch EMPTY = new OccurrenceBatch(0, null, List.of());

  OccurrenceBatch {
    recent = List.copyOf(recent);
  }

  boolean isEmpty() {
    return count == 0;
  }

  /** This batch followed by {@code later}: counts add up, the most recent of both are kept. */
  OccurrenceBatch then(OccurrenceBatch later) {
    if (isEmpty()) {
      return later;
    }
    if (later.isEmpty()) {
      return this;
    }
    return new OccurrenceBatch(
        count + later.count,
        firstSeenAt,
        lastOf(recent, later.recent, OccurrenceLedger.RECENT_OCCURRENCES));
  }

  /** The {@code limit} last elements of {@code older} followed by {@code newer}. */
  static List<Occurrence> lastOf(List<Occurrence> older, List<Occurrence> newer, int limit) {
    List<Occurrence> all = new ArrayList<>(older.size() + newer.size());
    all.addAll(older);
    all.addAll(newer);
    return new ArrayList<>(all.subList(Math.max(0, all.size() - limit), all.size()));
  }
}
