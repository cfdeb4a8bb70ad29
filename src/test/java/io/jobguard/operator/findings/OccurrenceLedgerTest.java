package io.jobguard.operator.findings;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobguard.api.v1alpha1.FindingStatus;
import io.jobguard.api.v1alpha1.Occurrence;
import io.jobguard.model.ObjectRef;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OccurrenceLedgerTest {
  static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

  @Test
  void countsEachObjectOnce() {
    OccurrenceLedger ledger = new OccurrenceLedger();
    assertThat(ledger.accept(pod("a"), T0, T0)).isTrue();
    assertThat(ledger.accept(pod("a"), T0, T0.plusSeconds(5))).isFalse();
    assertThat(ledger.accept(pod("b"), T0, T0.plusSeconds(6))).isTrue();
    OccurrenceBatch batch = ledger.drain();
    assertThat(batch.count()).isEqualTo(2);
    assertThat(batch.recent()).extracting(Occurrence::getUid).containsExactly("a", "b");
    assertThat(ledger.hasPending()).isFalse();
  }

  @Test
  void afterRestartObjectsCreatedBeforeLastSeenWereAlreadyCounted() {
    FindingStatus persisted = new FindingStatus();
    persisted.setCount(4L);
    persisted.setLastSeen(T0.toString());
    OccurrenceLedger ledger = new OccurrenceLedger();
    ledger.restoreFrom(persisted);

    assertThat(ledger.accept(pod("old"), T0.minusSeconds(60), T0.plusSeconds(100))).isFalse();
    assertThat(ledger.accept(pod("new"), T0.plusSeconds(30), T0.plusSeconds(100))).isTrue();
  }

  @Test
  void anObjectCreatedInTheSecondOfTheLastWriteCountsUnlessItIsARecentOccurrence() {
    FindingStatus persisted = new FindingStatus();
    persisted.setLastSeen(T0.plusMillis(700).toString());
    Occurrence written = new Occurrence();
    written.setUid("written");
    persisted.setRecentOccurrences(List.of(written));
    OccurrenceLedger ledger = new OccurrenceLedger();
    ledger.restoreFrom(persisted);

    // Both were created in the same whole second as the last write; only one was written.
    assertThat(ledger.accept(pod("written"), T0, T0.plusSeconds(9))).isFalse();
    assertThat(ledger.accept(pod("unwritten"), T0, T0.plusSeconds(9))).isTrue();
    assertThat(ledger.accept(pod("earlier"), T0.minusSeconds(1), T0.plusSeconds(9))).isFalse();
  }

  @Test
  void restoredRecentOccurrencesAreKnownByUid() {
    FindingStatus persisted = new FindingStatus();
    persisted.setLastSeen(T0.toString());
    Occurrence known = new Occurrence();
    known.setUid("known");
    persisted.setRecentOccurrences(List.of(known));
    OccurrenceLedger ledger = new OccurrenceLedger();
    ledger.restoreFrom(persisted);

    assertThat(ledger.accept(pod("known"), T0.plusSeconds(1), T0.plusSeconds(2))).isFalse();
  }

  @Test
  void applyAddsTheBatchAndKeepsTheFiveMostRecent() {
    OccurrenceLedger ledger = new OccurrenceLedger();
    for (int i = 0; i < 7; i++) {
      ledger.accept(pod("p" + i), T0, T0.plusSeconds(i));
    }
    FindingStatus status = new FindingStatus();
    status.setCount(1L);
    status.setLastSeen(T0.minusSeconds(10).toString());
    status.setSubjectExists(false);
    OccurrenceLedger.apply(status, ledger.drain());

    assertThat(status.getCount()).isEqualTo(8);
    assertThat(status.getRecentOccurrences())
        .extracting(Occurrence::getUid)
        .containsExactly("p2", "p3", "p4", "p5", "p6");
    assertThat(status.getLastSeen()).isEqualTo(T0.plusSeconds(6).toString());
    assertThat(status.getSubjectExists()).isTrue();
  }

  @Test
  void requeuedBatchIsWrittenWithTheNextOne() {
    OccurrenceLedger ledger = new OccurrenceLedger();
    ledger.accept(pod("a"), T0, T0);
    OccurrenceBatch failed = ledger.drain();
    ledger.accept(pod("b"), T0, T0.plusSeconds(1));
    ledger.requeue(failed);
    OccurrenceBatch next = ledger.drain();
    assertThat(next.count()).isEqualTo(2);
    assertThat(next.firstSeenAt()).isEqualTo(T0.toString());
    assertThat(next.recent()).extracting(Occurrence::getUid).containsExactly("a", "b");
  }

  @Test
  void pendingOccurrencesStayBoundedThroughALongOutageWithoutLosingTheCount() {
    OccurrenceLedger ledger = new OccurrenceLedger();
    int occurrences = 3 * OccurrenceLedger.REMEMBERED_UIDS + 7;
    for (int i = 0; i < occurrences; i++) {
      assertThat(ledger.accept(pod("p" + i), T0, T0.plusSeconds(i))).isTrue();
      if (i % 100 == 99) {
        // Every write fails: the batch comes back and more occurrences pile up behind it.
        ledger.requeue(ledger.drain());
      }
    }
    OccurrenceBatch batch = ledger.drain();
    assertThat(batch.count()).isEqualTo(occurrences);
    assertThat(batch.firstSeenAt()).isEqualTo(T0.toString());
    assertThat(batch.recent())
        .hasSize(OccurrenceLedger.RECENT_OCCURRENCES)
        .last()
        .extracting(Occurrence::getUid)
        .isEqualTo("p" + (occurrences - 1));

    FindingStatus status = new FindingStatus();
    OccurrenceLedger.apply(status, batch);
    assertThat(status.getCount()).isEqualTo(occurrences);
    assertThat(status.getFirstSeen()).isEqualTo(T0.toString());
    assertThat(status.getLastSeen()).isEqualTo(T0.plusSeconds(occurrences - 1).toString());
  }

  private static ObjectRef pod(String uid) {
    return new ObjectRef("v1", "Pod", "ns", "pod-" + uid, uid);
  }
}
