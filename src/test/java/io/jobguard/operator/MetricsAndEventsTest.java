package io.jobguard.operator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.jobguard.api.v1alpha1.Finding;
import io.jobguard.operator.findings.FindingEvents;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** SPEC §6 series on the management port, the Warning Event, and the health endpoints. */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
class MetricsAndEventsTest {
  static final Duration TIMEOUT = Duration.ofSeconds(30);

  @Inject KubernetesClient client;
  @Inject OperatorLifecycle lifecycle;

  // Relative to the management root (/q), so this is /q/metrics on the management port.
  @TestHTTPResource(value = "/metrics", management = true)
  URL metrics;

  @TestHTTPResource(value = "/health/ready", management = true)
  URL ready;

  @TestHTTPResource(value = "/health/live", management = true)
  URL live;

  @Test
  void findingShowsInMetricsAndAsAnEventOnTheSubject() {
    String namespace = "m-" + UUID.randomUUID().toString().substring(0, 8);
    client
        .namespaces()
        .resource(
            new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
        .create();
    await().atMost(TIMEOUT).until(lifecycle::synced);
    double detectionsBefore = value(scrape(), detectionsSeries());

    client.resource(Workloads.cronJob(namespace, "metered")).create();
    await()
        .atMost(TIMEOUT)
        .until(
            () ->
                client
                        .resources(Finding.class)
                        .inNamespace(namespace)
                        .withName("cronjob-metered-privileged-container")
                        .get()
                    != null);

    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () -> {
              String text = scrape();
              long existing =
                  client
                      .resources(Finding.class)
                      .inAnyNamespace()
                      .withLabel("jobguard.io/rule", "privileged-container")
                      .list()
                      .getItems()
                      .stream()
                      .filter(
                          f ->
                              "critical"
                                  .equals(f.getMetadata().getLabels().get("jobguard.io/severity")))
                      .count();
              assertThat(value(text, detectionsSeries())).isEqualTo(detectionsBefore + 1);
              assertThat(
                      value(
                          text,
                          "jobguard_findings{rule=\"privileged-container\",severity=\"critical\"}"))
                  .isEqualTo(existing);
              assertThat(value(text, "jobguard_evaluations_total{kind=\"CronJob\"}"))
                  .isGreaterThanOrEqualTo(1);
              assertThat(
                      value(text, "jobguard_watch_events_total{kind=\"CronJob\",type=\"ADDED\"}"))
                  .isGreaterThanOrEqualTo(1);
              assertThat(value(text, "jobguard_finding_writes_total{outcome=\"created\"}"))
                  .isGreaterThanOrEqualTo(1);
              assertThat(value(text, "jobguard_detection_latency_seconds_count"))
                  .isGreaterThanOrEqualTo(1);
              assertThat(text).contains("jobguard_detection_latency_seconds_bucket{le=");
            });

    // The Event is sent after the Finding is written, from a thread of its own.
    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () -> {
              List<Event> events = client.v1().events().inNamespace(namespace).list().getItems();
              assertThat(events)
                  .anySatisfy(
                      e -> {
                        assertThat(e.getType()).isEqualTo("Warning");
                        assertThat(e.getReason()).isEqualTo(FindingEvents.REASON);
                        assertThat(e.getInvolvedObject().getKind()).isEqualTo("CronJob");
                        assertThat(e.getInvolvedObject().getName()).isEqualTo("metered");
                        assertThat(e.getMessage())
                            .contains("privileged-container")
                            .contains("critical");
                      });
            });
  }

  @Test
  void healthEndpointsAreUpOnceSynced() {
    await().atMost(TIMEOUT).until(lifecycle::synced);
    given().get(ready).then().statusCode(200);
    given().get(live).then().statusCode(200);
  }

  private static String detectionsSeries() {
    return "jobguard_detections_total{rule=\"privileged-container\",severity=\"critical\",subject_kind=\"CronJob\"}";
  }

  private String scrape() {
    return given().get(metrics).then().statusCode(200).extract().asString();
  }

  /** The value of one exact series, 0 when absent. */
  private static double value(String exposition, String series) {
    Matcher m =
        Pattern.compile("^" + Pattern.quote(series) + " ([0-9.eE+-]+)$", Pattern.MULTILINE)
            .matcher(exposition);
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }
}
