package io.jobguard.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OrderedWorkTest {

  @Test
  void resultsArriveInSubmissionOrderWhateverOrderTasksFinishIn() {
    List<Integer> consumed = new ArrayList<>();
    try (OrderedWork<Integer> work = new OrderedWork<>(3, 8, Long.MAX_VALUE, consumed::add)) {
      for (int i = 0; i < 40; i++) {
        int n = i;
        work.submit(
            () -> {
              Thread.sleep((40 - n) % 7); // later tasks often finish first
              return n;
            },
            1);
      }
      work.finish();
    }
    assertThat(consumed).containsExactlyElementsOf(range(40));
  }

  @Test
  void noMoreThanTheWindowOfTasksWaitsUnconsumed() {
    // A window of 3: result n is consumed at the latest when task n + 3 is submitted.
    assertThat(submittedWhenConsumed(3, Long.MAX_VALUE, 1))
        .allMatch(ahead -> ahead <= 4)
        .contains(4);
  }

  @Test
  void noMoreThanTheWeightOfTasksWaitsUnconsumed() {
    // Two tasks of weight 4 fit under 10, a third does not.
    assertThat(submittedWhenConsumed(100, 10, 4)).allMatch(ahead -> ahead <= 3).contains(3);
  }

  /** For each result n: how many tasks had been submitted when it was consumed, minus n. */
  private static List<Integer> submittedWhenConsumed(int window, long maxWeight, long weight) {
    AtomicInteger submitted = new AtomicInteger();
    List<Integer> ahead = new ArrayList<>();
    try (OrderedWork<Integer> work =
        new OrderedWork<>(2, window, maxWeight, n -> ahead.add(submitted.get() - n))) {
      for (int i = 0; i < 20; i++) {
        int n = i;
        submitted.incrementAndGet();
        work.submit(() -> n, weight);
      }
      work.finish();
    }
    assertThat(ahead).hasSize(20);
    return ahead;
  }

  @Test
  void aTaskFailureSurfacesOnTheConsumingThread() {
    try (OrderedWork<Integer> work = new OrderedWork<>(2, 4, Long.MAX_VALUE, n -> {})) {
      work.submit(() -> 1, 1);
      work.submit(
          () -> {
            throw new IllegalArgumentException("bad object");
          },
          1);
      assertThatThrownBy(work::finish)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("bad object");
    }
  }

  @Test
  void oneThreadRunsEachTaskInlineAsItIsSubmitted() {
    List<String> threads = new ArrayList<>();
    try (OrderedWork<String> work = new OrderedWork<>(1, 4, Long.MAX_VALUE, threads::add)) {
      work.submit(() -> Thread.currentThread().getName(), 1);
      assertThat(threads).containsExactly(Thread.currentThread().getName());
    }
  }

  private static List<Integer> range(int n) {
    List<Integer> list = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      list.add(i);
    }
    return list;
  }
}
