package io.jobguard.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The packaged operator ({@code target/quarkus-app/quarkus-run.jar}) running in its own JVM in the
 * prod profile, so that leader election is active, against a given API server. Its output goes to a
 * file under {@code target/} and its management interface to a free port of its own.
 */
final class OperatorProcess implements AutoCloseable {
  static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String identity;
  private final Process process;
  private final Path log;
  private final URI management;

  private OperatorProcess(String identity, Process process, Path log, int managementPort) {
    this.identity = identity;
    this.process = process;
    this.log = log;
    this.management = URI.create("http://127.0.0.1:" + managementPort);
  }

  /**
   * Starts one replica. {@code identity} stands for the pod name (JOSDK takes the Lease holder
   * identity from {@code HOSTNAME}); {@code settings} are extra configuration properties.
   */
  static OperatorProcess start(
      String identity, String apiServerUrl, String namespace, Map<String, String> settings)
      throws IOException {
    if (!Files.isRegularFile(JAR)) {
      throw new IllegalStateException(JAR + " is missing: run this test with mvn verify");
    }
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    // Two JVMs share the CPUs with the test: start fast, stay small.
    command.addAll(List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
    // fabric8's own auto-configuration, as in a pod; nothing from the developer's kubeconfig or
    // a service account may leak in.
    property(command, "kubernetes.master", apiServerUrl);
    property(command, "kubernetes.namespace", namespace);
    property(command, "kubernetes.auth.token", "failover-test");
    property(command, "kubernetes.auth.tryKubeConfig", "false");
    property(command, "kubernetes.auth.tryServiceAccount", "false");
    property(command, "quarkus.management.host", "127.0.0.1");
    property(command, "quarkus.management.port", String.valueOf(port));
    settings.forEach((key, value) -> property(command, key, value));
    command.addAll(List.of("-jar", JAR.toString()));

    Path log = Path.of("target", "failover", identity + ".log");
    Files.createDirectories(log.getParent());
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("HOSTNAME", identity);
    builder.environment().put("POD_NAMESPACE", namespace);
    builder.environment().keySet().removeIf(k -> k.startsWith("KUBERNETES_"));
    return new OperatorProcess(identity, builder.start(), log, port);
  }

  String identity() {
    return identity;
  }

  boolean alive() {
    return process.isAlive();
  }

  /** True once the management interface answers the readiness check with 200. */
  boolean ready() {
    return get("/q/health/ready").map(r -> r.statusCode() == 200).orElse(false);
  }

  /**
   * The sum over all series of a counter, e.g. every outcome of {@code jobguard_finding_writes}.
   */
  double total(String metric) {
    return total(metric, "");
  }

  /** The sum over the series of a counter that carry {@code label}, e.g. {@code kind="Job"}. */
  double total(String metric, String label) {
    String exposition =
        get("/q/metrics")
            .filter(r -> r.statusCode() == 200)
            .map(HttpResponse::body)
            .orElseThrow(() -> new IllegalStateException(identity + " serves no metrics"));
    return exposition
        .lines()
        .filter(line -> line.startsWith(metric + "{") || line.startsWith(metric + " "))
        .filter(line -> line.contains(label))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }

  /** SIGKILL, as the kubelet does when a pod is deleted with grace period 0 or is OOM-killed. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  /** The last {@code lines} lines of the process's output, for a failure message. */
  String tail(int lines) {
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no output: " + e + ")";
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }

  private Optional<HttpResponse<String>> get(String path) {
    HttpRequest request =
        HttpRequest.newBuilder(management.resolve(path)).timeout(Duration.ofSeconds(5)).build();
    try {
      return Optional.of(HTTP.send(request, HttpResponse.BodyHandlers.ofString()));
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  private static void property(List<String> command, String key, String value) {
    command.add("-D" + key + "=" + value);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
