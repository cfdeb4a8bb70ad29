package io.jobguard.reliability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import java.io.Reader;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Issue 7.7: the operator answers on health and metrics and on nothing else. In production the main
 * HTTP server does not even listen; here (test profile) it does, and must serve nothing.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
class ExposedEndpointsTest {
  static final List<String> ALLOWED = List.of("/health/live", "/health/ready", "/metrics");
  static final List<String> NOT_SERVED =
      List.of(
          "/",
          "/openapi",
          "/swagger-ui",
          "/dev-ui",
          "/dev",
          "/info",
          "/arc",
          "/env",
          "/config",
          "/logging-manager",
          "/apis",
          "/health/../metrics/../../etc/passwd");

  // Relative to the management root: this is http://host:port/q/ on the management port.
  @TestHTTPResource(value = "/", management = true)
  URL managementRoot;

  @TestHTTPResource("/")
  URL main;

  @Test
  void managementInterfaceServesOnlyHealthAndMetrics() {
    String q = managementRoot.toString().replaceAll("/+$", "");
    assertThat(q).endsWith("/q");
    for (String path : ALLOWED) {
      given().get(q + path).then().statusCode(200);
    }
    for (String path : NOT_SERVED) {
      int code = given().get(q + path).then().extract().statusCode();
      assertThat(code).as("management /q%s", path).isIn(400, 404);
    }
    given().get(q.substring(0, q.length() - 2)).then().statusCode(404);
  }

  @Test
  void mainHttpServerServesNothing() {
    for (String path : ALLOWED) {
      assertThat(given().get(main.toString() + "q" + path).then().extract().statusCode())
          .as("main port /q%s", path)
          .isEqualTo(404);
    }
    assertThat(given().get(main.toString()).then().extract().statusCode()).isEqualTo(404);
  }

  @Test
  void productionDisablesTheMainServerAndKeepsTheManagementInterface() throws Exception {
    Properties properties = new Properties();
    try (Reader in =
        Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
      properties.load(in);
    }
    assertThat(properties.getProperty("%prod.quarkus.http.host-enabled")).isEqualTo("false");
    assertThat(properties.getProperty("quarkus.management.enabled")).isEqualTo("true");
    assertThat(properties.getProperty("quarkus.management.port")).isEqualTo("9000");
    assertThat(properties.stringPropertyNames())
        .as("no extra endpoints switched on")
        .noneMatch(
            key ->
                key.contains("swagger-ui.always-include")
                    || key.contains("smallrye-openapi")
                    || key.contains("info.enabled"));
  }
}
