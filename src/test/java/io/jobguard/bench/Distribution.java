package io.jobguard.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** Percentiles of a set of durations in milliseconds (nearest-rank). */
record Distribution(List<Long> sortedMillis) {
  static Distribution of(Collection<Long> millis) {
    List<Long> sorted = new ArrayList<>(millis);
    Collections.sort(sorted);
    return new Distribution(List.copyOf(sorted));
  }

  long percentile(double p) {
    if (sortedMillis.isEmpty()) {
      throw new IllegalStateException("no samples");
    }
    int rank = (int) Math.ceil(p / 100.0 * sortedMillis.size());
    return sortedMillis.get(Math.max(0, Math.min(sortedMillis.size() - 1, rank - 1)));
  }

  String row(String label) {
    return String.format(
        "| %s | %d | %d | %d | %d | %d |",
        label,
        sortedMillis.size(),
        percentile(50),
        percentile(90),
        percentile(99),
        sortedMillis.get(sortedMillis.size() - 1));
  }
}
