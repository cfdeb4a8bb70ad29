package io.jobguard.operator.findings;

import io.jobguard.api.v1alpha1.FindingStatus;
import io.jobguard.api.v1alpha1.Occurrence;
import io.jobguard.model.ObjectRef;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Counts occurrences of one Finding exactly once per object, across re-lists and restarts, and
 * holds the ones not yet written so several can go out in one status update. What it holds is
 * bounded per Finding: a count plus the {@link #RECENT_OCCURRENCES} most recent occurrences, so an
 * API outage of any length costs no more memory than a short one and loses no count.
 *
 * <p>Within one process, an object is recognised by uid. After a restart the uids seen before are
 * gone, so a Finding read back from the cluster brings a watermark, its {@code lastSeen}: an object
 * created in an earlier second existed while the previous run was watching and was counted then;
 * one created in that same second is told apart by the uids of the recent occurrences.
 */
final class OccurrenceLedger {
  static final int RECENT_OCCURRENCES = 5;
  static final int REMEMBERED_UIDS = 1024;

  private final Set<String> seenUids =
      Collections.newSetFromMap(
          new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
              return size() > REMEMBERED_UIDS;
            }
          });
  private OccurrenceBatch pending = OccurrenceBatch.EMPTY;
  private Instant watermark;

  /** Takes over what an earlier run already counted. */
  void restoreFrom(FindingStatus status) {
    if (status == null) {
      return;
    }
    Instant lastSeen = parse(status.getLastSeen());
    // creationTimestamps have whole seconds: an object created in the second of the last write may
    // or may not have been counted, so that second is left to the uids of the recent occurrences.
    watermark = lastSeen == null ? null : lastSeen.truncatedTo(ChronoUnit.SECONDS);
    status.getRecentOccurrences().stream()
        .map(Occurrence::getUid)
        .filter(uid -> uid != null)
        .forEach(seenUids::add);
  }

  /** Records the object unless it was counted before; true when it is a new occurrence. */
  boolean accept(ObjectRef object, Instant createdAt, Instant seenAt) {
    if (object.uid() != null && !seenUids.add(object.uid())) {
      return false;
    }
    if (watermark != null && createdAt != null && createdAt.isBefore(watermark)) {
      return false;
    }
    Occurrence occurrence = occurrence(object, seenAt);
    pending = pending.then(new OccurrenceBatch(1, occurrence.getSeenAt(), List.of(occurrence)));
    return true;
  }

  boolean hasPending() {
    return !pending.isEmpty();
  }

  /** Hands out the pending occurrences for one write; give them back if it fails. */
  OccurrenceBatch drain() {
    OccurrenceBatch batch = pending;
    pending = OccurrenceBatch.EMPTY;
    return batch;
  }

  /** A failed write's batch; it happened before anything accepted since. */
  void requeue(OccurrenceBatch batch) {
    pending = batch.then(pending);
  }

  /** Adds a batch to a status: count, last seen, the few most recent, subject seen alive. */
  static void apply(FindingStatus status, OccurrenceBatch batch) {
    if (batch.isEmpty()) {
      return;
    }
    long count = status.getCount() == null ? 0 : status.getCount();
    status.setCount(count + batch.count());
    status.setRecentOccurrences(
        OccurrenceBatch.lastOf(status.getRecentOccurrences(), batch.recent(), RECENT_OCCURRENCES));
    Instant last = parse(batch.recent().get(batch.recent().size() - 1).getSeenAt());
    Instant previous = parse(status.getLastSeen());
    if (previous == null || (last != null && last.isAfter(previous))) {
      status.setLastSeen(last == null ? null : last.toString());
    }
    if (status.getFirstSeen() == null) {
      status.setFirstSeen(batch.firstSeenAt());
    }
    status.setSubjectExists(true);
    status.setSubjectDeletedAt(null);
  }

  private static Occurrence occurrence(ObjectRef object, Instant seenAt) {
    Occurrence occurrence = new Occurrence();
    occurrence.setKind(object.kind());
    occurrence.setName(object.name());
    occurrence.setUid(object.uid());
    occurrence.setSeenAt(seenAt.toString());
    return occurrence;
  }

  private static Instant parse(String time) {
    try {
      return time == null ? null : Instant.parse(time);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
