package io.jobguard.reliability;

import static io.jobguard.reliability.FaultyApiServer.findingWrites;
import static io.jobguard.reliability.FaultyApiServer.method;
import static io.jobguard.reliability.Observations.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.jobguard.api.v1alpha1.Finding;
import io.jobguard.findings.FindingNames;
import io.jobguard.metrics.JobguardMetrics;
import io.jobguard.operator.findings.FindingApi;
import io.jobguard.operator.findings.FindingEvents;
import io.jobguard.operator.findings.FindingWriter;
import io.jobguard.reliability.FaultyApiServer.Exchange;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 7.1: the real writer and API client against an API server that fails on purpose. Every
 * occurrence must end up counted in the Finding, exactly once, and the failures must show in {@code
 * jobguard_finding_writes_total}.
 */
class FindingWriteFaultsTest {
  static final Duration WINDOW = Duration.ofMillis(200);
  static final String FINDING = FindingNames.nameFor(Observations.CRON_JOB, Observations.RULE);

  final FaultyApiServer server = new FaultyApiServer();
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  KubernetesClient client;
  KubernetesClient writerClient;
  FindingWriter writer;

  @BeforeEach
  void setUp() throws Exception {
    // No in-client retries: every fault reaches the writer, whose own retries are under test.
    writerClient = server.client(0, Duration.ofMillis(700));
    client = server.client(3, Duration.ofSeconds(20));
    server.installFindingCrd(client);
    client
        .namespaces()
        .resource(
            new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build())
        .create();
    writer =
        new FindingWriter(
            new FindingApi(writerClient),
            new FindingEvents(writerClient, true),
            new JobguardMetrics(registry, false),
            WINDOW,
            Clock.systemUTC());
  }

  @AfterEach
  void tearDown() {
    writerClient.close();
    client.close();
    server.close();
  }

  @Test
  void serverErrorsThrottlingAndTimeoutsAreRetriedUntilTheFindingLands() {
    server
        .fail(findingWrites(), FaultyApiServer.throttled(2))
        .fail(findingWrites(), 500)
        .fail(findingWrites(), 503)
        .fail(findingWrites(), FaultyApiServer.status(200).setBodyDelay(3, TimeUnit.SECONDS))
        .fail(findingWrites(), 503);

    writer.record(Observations.run("run-1"));

    Finding finding = awaitCount(1);
    assertThat(finding.getStatus().getRecentOccurrences()).extracting("name").contains("run-1");
    assertThat(server.pendingFaults()).isZero();
    assertThat(writes("error")).isEqualTo(5);
    assertThat(writes("created")).isEqualTo(1);
    assertRetryAfterHonoured();
  }

  @Test
  void conflictOnUpdateReReadsTheLiveCountInsteadOfOverwritingIt() throws Exception {
    writer.record(Observations.run("run-1"));
    awaitCount(1);
    // Another writer (a previous leader still finishing) raised the count meanwhile.
    client
        .resources(Finding.class)
        .inNamespace(NAMESPACE)
        .withName(FINDING)
        .editStatus(
            f -> {
              f.getStatus().setCount(5L);
              return f;
            });
    server.fail(method("PATCH", "/status"), 409).fail(method("PUT", "/status"), 409);

    writer.record(Observations.run("run-2"));

    assertThat(awaitCount(6).getStatus().getCount()).isEqualTo(6);
    assertThat(writes("error")).isGreaterThanOrEqualTo(1);
  }

  @Test
  void nothingIsLostWhileTheApiIsUnavailableForAWhile() throws Exception {
    int runs = 25;
    for (int i = 0; i < 6; i++) {
      server.fail(findingWrites(), 503);
    }
    for (int i = 1; i <= runs; i++) {
      writer.record(Observations.run("run-" + i));
    }

    await().atMost(Duration.ofSeconds(10)).until(() -> writes("error") >= 3);
    Finding finding = awaitCount(runs);

    assertThat(finding.getStatus().getCount()).isEqualTo(runs);
    assertThat(finding.getStatus().getRecentOccurrences()).extracting("name").contains("run-25");
    assertThat(writes("dropped")).isZero();
    Thread.sleep(WINDOW.toMillis() * 3);
    assertThat(read().getStatus().getCount()).as("no occurrence counted twice").isEqualTo(runs);
  }

  private void assertRetryAfterHonoured() {
    List<Exchange> exchanges = server.exchanges();
    List<Exchange> writes = exchanges.stream().filter(e -> !e.method().equals("GET")).toList();
    for (int i = 0; i < writes.size() - 1; i++) {
      if (writes.get(i).code() == 429) {
        Exchange next = writes.get(i + 1);
        assertThat(Duration.between(writes.get(i).at(), next.at()))
            .as("request after a 429 with Retry-After: 2")
            .isGreaterThanOrEqualTo(Duration.ofMillis(1900));
        return;
      }
    }
    throw new AssertionError("no 429 was served: " + exchanges);
  }

  private Finding awaitCount(long count) {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              Finding f = read();
              return f != null
                  && f.getStatus() != null
                  && f.getStatus().getCount() != null
                  && f.getStatus().getCount() >= count;
            });
    return read();
  }

  private Finding read() {
    return client.resources(Finding.class).inNamespace(NAMESPACE).withName(FINDING).get();
  }

  private double writes(String outcome) {
    var counter = registry.find("jobguard.finding.writes").tag("outcome", outcome).counter();
    return counter == null ? 0 : counter.count();
  }
}
