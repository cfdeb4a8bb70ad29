package io.jobguard.reliability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.jobguard.api.v1alpha1.Finding;
import io.jobguard.api.v1alpha1.FindingEvidence;
import io.jobguard.findings.Truncation;
import io.jobguard.operator.OperatorLifecycle;
import io.jobguard.operator.findings.FindingEvents;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 7.3, 7.4 and 7.5 through the running operator against the CRUD mock server: restarts lose
 * nothing, deleted evidence comes back and is reported, hostile objects give valid Findings.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
class OperatorResilienceTest {
  static final Duration TIMEOUT = Duration.ofSeconds(60);
  static final Pattern DNS_1123_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  static final Pattern LABEL_VALUE = Pattern.compile("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?");

  @Inject KubernetesClient client;
  @Inject OperatorLifecycle lifecycle;

  @TestHTTPResource(value = "/metrics", management = true)
  URL metrics;

  @TestHTTPResource(value = "/health/live", management = true)
  URL live;

  @TestHTTPResource(value = "/health/ready", management = true)
  URL ready;

  @Test
  void deletedFindingIsWrittenBackWithItsCountsAndTheDeletionIsRecorded() {
    String namespace = namespace("tamper");
    awaitSynced();
    client.resource(HostileObjects.privilegedCronJob(namespace, "evil")).create();
    String name = "cronjob-evil-privileged-container";
    Finding original = awaitFinding(namespace, name);
    double deletionsBefore = value(scrape(), "jobguard_findings_deleted_total");

    client.resource(original).delete();

    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () -> {
              Finding back = finding(namespace, name);
              assertThat(back).isNotNull();
              assertThat(back.getMetadata().getUid()).isNotEqualTo(original.getMetadata().getUid());
              assertThat(back.getSpec()).isEqualTo(original.getSpec());
              assertThat(back.getStatus().getCount()).isEqualTo(original.getStatus().getCount());
              assertThat(back.getStatus().getFirstSeen())
                  .isEqualTo(original.getStatus().getFirstSeen());
            });
    assertThat(value(scrape(), "jobguard_findings_deleted_total")).isEqualTo(deletionsBefore + 1);
    assertThat(client.v1().events().inNamespace(namespace).list().getItems())
        .anySatisfy(
            e -> {
              assertThat(e.getReason()).isEqualTo(FindingEvents.REASON_DELETED);
              assertThat(e.getInvolvedObject().getName()).isEqualTo("evil");
              assertThat(e.getMessage()).contains(name).contains("re-created");
            });
  }

  @Test
  void aStoppedInstanceWritesNothingAndARestartReDerivesFindingsIdempotently() {
    String namespace = namespace("restart");
    awaitSynced();
    client.resource(HostileObjects.privilegedCronJob(namespace, "before")).create();
    Finding before = awaitFinding(namespace, "cronjob-before-privileged-container");

    // Not the leader (or killed between evaluating and writing): nothing may be written.
    lifecycle.stop();
    client.resource(HostileObjects.privilegedCronJob(namespace, "during")).create();
    await()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(5))
        .until(() -> finding(namespace, "cronjob-during-privileged-container") == null);

    lifecycle.start();
    awaitSynced();
    Finding during = awaitFinding(namespace, "cronjob-during-privileged-container");
    assertThat(during.getStatus().getCount()).isEqualTo(1);
    lifecycle.stop();
    lifecycle.start();
    awaitSynced();
    await()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              assertThat(
                      finding(namespace, "cronjob-before-privileged-container")
                          .getStatus()
                          .getCount())
                  .as("a re-list does not count an object again")
                  .isEqualTo(before.getStatus().getCount());
              assertThat(
                      finding(namespace, "cronjob-during-privileged-container")
                          .getStatus()
                          .getCount())
                  .isEqualTo(1);
            });
  }

  @Test
  void hostilePodGivesValidBoundedFindingsAndTheOperatorStaysUp() throws Exception {
    String namespace = namespace("hostile");
    awaitSynced();
    client.resource(HostileObjects.monster(namespace, 253)).create();

    await().atMost(TIMEOUT).until(() -> findings(namespace).size() >= 2);
    ObjectMapper json = new ObjectMapper();
    for (Finding f : findings(namespace)) {
      String name = f.getMetadata().getName();
      assertThat(name.length()).isLessThanOrEqualTo(63);
      assertThat(name).matches(DNS_1123_SUBDOMAIN);
      f.getMetadata()
          .getLabels()
          .values()
          .forEach(v -> assertThat(v).hasSizeLessThanOrEqualTo(63).matches(LABEL_VALUE));
      byte[] bytes = json.writeValueAsBytes(f);
      assertThat(bytes.length).as("size of %s", name).isLessThan(256 * 1024);
    }
    List<FindingEvidence> hostPathEvidence =
        findings(namespace).stream()
            .filter(f -> f.getSpec().getRule().getId().equals("host-path-volume"))
            .flatMap(f -> f.getSpec().getEvidence().stream())
            .toList();
    assertThat(hostPathEvidence).isNotEmpty();
    assertThat(hostPathEvidence)
        .allSatisfy(e -> assertThat(e.getValue()).endsWith(Truncation.MARKER));
    given().get(live).then().statusCode(200);
    given().get(ready).then().statusCode(200);
    assertThat(new String(scrape().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
        .contains("jobguard_evaluations_total");
  }

  private String namespace(String prefix) {
    String namespace = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    client
        .namespaces()
        .resource(
            new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
        .create();
    return namespace;
  }

  private void awaitSynced() {
    await().atMost(TIMEOUT).until(lifecycle::synced);
  }

  private Finding awaitFinding(String namespace, String name) {
    await()
        .atMost(TIMEOUT)
        .until(
            () -> {
              Finding f = finding(namespace, name);
              return f != null && f.getStatus() != null && f.getStatus().getCount() != null;
            });
    return finding(namespace, name);
  }

  private Finding finding(String namespace, String name) {
    return client.resources(Finding.class).inNamespace(namespace).withName(name).get();
  }

  private List<Finding> findings(String namespace) {
    return client.resources(Finding.class).inNamespace(namespace).list().getItems();
  }

  private String scrape() {
    return given().get(metrics).then().statusCode(200).extract().asString();
  }

  private static double value(String exposition, String series) {
    Matcher m =
        Pattern.compile("^" + Pattern.quote(series) + " ([0-9.eE+-]+)$", Pattern.MULTILINE)
            .matcher(exposition);
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }
}
