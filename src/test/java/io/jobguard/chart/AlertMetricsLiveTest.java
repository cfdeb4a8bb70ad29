package io.jobguard.chart;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.jobguard.api.v1alpha1.Finding;
import io.jobguard.operator.OperatorLifecycle;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The PrometheusRule and the dashboard query only metric families that a running operator really
 * exposes on /q/metrics: a renamed meter fails this test instead of silencing an alert.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
class AlertMetricsLiveTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final Pattern TYPE_LINE = Pattern.compile("(?m)^# TYPE (\\S+) (\\S+)$");
  private static final Pattern SAMPLE = Pattern.compile("(?m)^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]");

  @Inject KubernetesClient client;
  @Inject OperatorLifecycle lifecycle;

  @TestHTTPResource(value = "/metrics", management = true)
  URL metrics;

  @Test
  void alertsAndDashboardNameOnlyMetricsTheRunningOperatorExports() throws Exception {
    await().atMost(TIMEOUT).until(lifecycle::synced);
    String namespace = "alerts-" + UUID.randomUUID().toString().substring(0, 8);
    client
        .namespaces()
        .resource(
            new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
        .create();
    client.resource(privilegedPod(namespace)).create();
    await()
        .atMost(TIMEOUT)
        .until(
            () ->
                !client
                    .resources(Finding.class)
                    .inNamespace(namespace)
                    .list()
                    .getItems()
                    .isEmpty());

    Set<String> exported =
        families(given().get(metrics).then().statusCode(200).extract().asString());

    assertThat(exported).containsAll(AlertMetricsTest.EXPORTED);
    AlertMetricsTest chart = new AlertMetricsTest();
    assertThat(AlertMetricsTest.metricsIn(String.join("\n", chart.expressions())))
        .isNotEmpty()
        .isSubsetOf(exported);
    assertThat(AlertMetricsTest.metricsIn(AlertMetricsTest.dashboard())).isSubsetOf(exported);
  }

  /**
   * Every series name a query can use: sample names (counters carry their {@code _total} there)
   * plus histogram family names, which queries use with {@code _bucket}, {@code _count} and {@code
   * _sum}.
   */
  private static Set<String> families(String exposition) {
    Set<String> names = new TreeSet<>();
    Matcher samples = SAMPLE.matcher(exposition);
    while (samples.find()) {
      names.add(samples.group(1));
    }
    Matcher types = TYPE_LINE.matcher(exposition);
    while (types.find()) {
      if ("histogram".equals(types.group(2))) {
        names.add(types.group(1));
      }
    }
    return names;
  }

  private static Pod privilegedPod(String namespace) {
    return new PodBuilder()
        .withNewMetadata()
        .withName("alerting-probe")
        .withNamespace(namespace)
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("c")
        .withImage("busybox:1.36")
        .withNewSecurityContext()
        .withPrivileged(true)
        .endSecurityContext()
        .endContainer()
        .endSpec()
        .build();
  }
}
