package io.jobguard.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.informers.cache.BasicItemStore;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import io.jobguard.operator.watch.TrimmingItemStore;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Retained heap of the Pod informer cache, with jobguard's trimming store and with fabric8's plain
 * store, filled with the same realistic Pods (each parsed from its own JSON, as a watch delivers
 * it). Measured as used heap after full GCs, so the figure is what the cache keeps alive.
 */
@Tag("bench")
class InformerCacheMemoryBench {
  private static final long TARGET_BYTES_PER_POD = 2048;
  private static final ObjectMapper JSON =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  @Test
  void trimmedCacheStaysUnderTwoKilobytesPerPod() throws Exception {
    String template = podJson();
    List<String> rows = new ArrayList<>();
    rows.add(
        "| cached Pods | plain store, bytes/Pod | trimming store, bytes/Pod | trimmed / plain |");
    rows.add("|---|---|---|---|");
    double trimmedAt50k = 0;
    for (int pods : new int[] {10_000, 50_000}) {
      long plain =
          retainedPerPod(template, pods, () -> new BasicItemStore<>(Cache::metaNamespaceKeyFunc));
      long trimmed = retainedPerPod(template, pods, TrimmingItemStore::new);
      rows.add(
          String.format(
              "| %,d | %,d | %,d | %.0f%% |", pods, plain, trimmed, 100.0 * trimmed / plain));
      trimmedAt50k = trimmed;
      assertThat(trimmed).isLessThanOrEqualTo(TARGET_BYTES_PER_POD);
    }
    rows.add("");
    rows.add(String.format("Pod JSON as served: %,d bytes.", template.length()));
    BenchReport.write("informer-cache-memory", rows);
    assertThat(trimmedAt50k).isPositive();
  }

  private static long retainedPerPod(String template, int pods, Supplier<ItemStore<Pod>> stores)
      throws IOException {
    long before = usedAfterGc();
    ItemStore<Pod> store = stores.get();
    for (int i = 0; i < pods; i++) {
      Pod pod = JSON.readValue(variant(template, i), Pod.class);
      store.put(store.getKey(pod), pod);
    }
    long after = usedAfterGc();
    assertThat(store.size()).isEqualTo(pods);
    return (after - before) / pods;
  }

  /** Every Pod gets its own name, uid and IP, as distinct strings (nothing shared by accident). */
  private static String variant(String template, int i) {
    return template
        .replace("nightly-etl-29012345-abcde", "nightly-etl-29012345-" + Integer.toString(i, 36))
        .replace(
            "6f1c2a4e-0b7d-4c8e-9a51-3d2f7e8b9c10",
            String.format("6f1c2a4e-0b7d-4c8e-9a51-%012d", i))
        .replace("10.244.3.17", "10.244." + (i >> 8 & 255) + "." + (i & 255));
  }

  private static String podJson() throws IOException {
    try (InputStream in = InformerCacheMemoryBench.class.getResourceAsStream("/bench/pod.yaml")) {
      return JSON.writeValueAsString(new YAMLMapper().readValue(in, Pod.class));
    }
  }

  private static long usedAfterGc() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
