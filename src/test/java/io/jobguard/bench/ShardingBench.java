package io.jobguard.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.jobguard.api.v1alpha1.Finding;
import io.jobguard.findings.FindingNames;
import io.jobguard.model.Workload;
import io.jobguard.model.WorkloadFactory;
import io.jobguard.operator.OperatorLifecycle;
import io.jobguard.operator.findings.FindingWriter;
import io.jobguard.operator.watch.NamespaceShard;
import io.jobguard.policy.EffectivePolicy;
import io.jobguard.rules.Detection;
import io.jobguard.rules.Profile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

/**
 * The same workloads in 12 namespaces, watched by a single instance and by each of two hash shards
 * (one Quarkus application per configuration). Each run must write exactly the Findings its
 * namespaces call for; the run that finishes last compares the three sets directly: the two shards
 * together equal the single instance, with no Finding written by both.
 */
abstract class ShardingBench {
  static final int NAMESPACES = 12;
  static final int OBJECTS_PER_NAMESPACE = 6;
  static final EffectivePolicy POLICY = EffectivePolicy.defaults(Profile.BASELINE);

  @Inject KubernetesClient client;
  @Inject OperatorLifecycle lifecycle;
  @Inject FindingWriter writer;

  /** Which namespaces this run's configuration owns. */
  abstract IntPredicate ownsNamespace();

  abstract String run();

  @Test
  void writesExactlyTheFindingsOfItsNamespaces() throws Exception {
    await().atMost(Duration.ofSeconds(60)).until(lifecycle::synced);
    Set<String> expected = new TreeSet<>();
    for (int n = 0; n < NAMESPACES; n++) {
      String namespace = namespace(n);
      LoadDriver.namespace(client, namespace);
      List<HasMetadata> created =
          LoadDriver.create(
              client, OBJECTS_PER_NAMESPACE, i -> BenchWorkloads.mixed(namespace, i, i % 2 == 0));
      if (ownsNamespace().test(n)) {
        created.forEach(o -> expected.addAll(expectedFindings(o)));
      }
    }
    await().atMost(Duration.ofSeconds(60)).until(() -> findings().containsAll(expected));
    // Give the events of the other namespaces time to (wrongly) produce something.
    Thread.sleep(2_000);
    writer.awaitIdle(Duration.ofSeconds(10));
    Set<String> written = findings();
    assertThat(written).isEqualTo(expected);
    Files.createDirectories(BenchReport.DIR);
    Files.write(BenchReport.DIR.resolve("sharding-" + run() + ".txt"), written);
    compareWhenAllRan();
  }

  static String namespace(int n) {
    return "shard-ns-" + n;
  }

  static boolean inHashShard(int n, int index) {
    return NamespaceShard.ByHash.bucket(namespace(n), 2) == index;
  }

  private Set<String> findings() {
    Set<String> names = new TreeSet<>();
    for (Finding f : client.resources(Finding.class).inAnyNamespace().list().getItems()) {
      if (f.getMetadata().getNamespace().startsWith("shard-ns-")) {
        names.add(f.getMetadata().getNamespace() + "/" + f.getMetadata().getName());
      }
    }
    return names;
  }

  /** What one instance writes for a standalone object: a Finding per rule the engine fires. */
  private static Set<String> expectedFindings(HasMetadata object) {
    Workload workload = WorkloadFactory.from(object).orElseThrow();
    Set<String> names = new TreeSet<>();
    for (Detection d : POLICY.evaluate(workload, Instant.now())) {
      names.add(
          object.getMetadata().getNamespace()
              + "/"
              + FindingNames.nameFor(workload.subject(), d.ruleId()));
    }
    return names;
  }

  /** Compares the three runs of this JVM once all have written their sets. */
  private static void compareWhenAllRan() throws IOException {
    long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    List<Set<String>> sets = new ArrayList<>();
    for (String run : List.of("single", "shard-0", "shard-1")) {
      Path file = BenchReport.DIR.resolve("sharding-" + run + ".txt");
      if (!Files.exists(file) || Files.getLastModifiedTime(file).toMillis() < jvmStart) {
        return;
      }
      sets.add(new TreeSet<>(Files.readAllLines(file)));
    }
    Set<String> union = new TreeSet<>(sets.get(1));
    union.addAll(sets.get(2));
    Set<String> overlap = new TreeSet<>(sets.get(1));
    overlap.retainAll(sets.get(2));
    BenchReport.write(
        "sharding",
        List.of(
            "| run | Findings |",
            "|---|---|",
            "| single instance | " + sets.get(0).size() + " |",
            "| shard 0 of 2 | " + sets.get(1).size() + " |",
            "| shard 1 of 2 | " + sets.get(2).size() + " |",
            "| shard 0 ∪ shard 1 equals single | " + union.equals(sets.get(0)) + " |",
            "| shard 0 ∩ shard 1 | " + overlap.size() + " |"));
    assertThat(union).isEqualTo(sets.get(0));
    assertThat(overlap).isEmpty();
  }
}
