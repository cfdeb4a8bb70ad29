package io.jobguard.reliability;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A mock API server that behaves like the fabric8 CRUD server, except for the faults a test
 * scripts: each fault answers the first request it matches, once, in the order they were added. The
 * CRUD server alone ignores expectations for paths it serves, hence this wrapper.
 */
final class FaultyApiServer implements AutoCloseable {
  /** One request the server saw, with what it answered. */
  record Exchange(Instant at, String method, String path, int code) {}

  private record Fault(Predicate<RecordedRequest> matches, MockResponse response) {}

  private final KubernetesCrudDispatcher crud = new KubernetesCrudDispatcher();
  private final Queue<Fault> faults = new ConcurrentLinkedQueue<>();
  private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
  private final KubernetesMockServer server;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

  FaultyApiServer() {
    server = DispatchingMockServer.start(this::answer);
  }

  /**
   * A client that gives up quickly, so the writer's own retries are exercised and not only the
   * client's: {@code clientRetries} in-client retries, and a short request timeout.
   */
  KubernetesClient client(int clientRetries, Duration requestTimeout) {
    Config config =
        new ConfigBuilder(Config.empty())
            .withMasterUrl(server.url("/"))
            .withNamespace("default")
            .withRequestRetryBackoffLimit(clientRetries)
            .withRequestRetryBackoffInterval(20)
            .withRequestTimeout((int) requestTimeout.toMillis())
            .build();
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  /** Installs the Finding CRD, so the CRUD server knows its status subresource. */
  void installFindingCrd(KubernetesClient client) throws Exception {
    try (InputStream in = Files.newInputStream(Path.of("crds/findings.jobguard.io-v1.yml"))) {
      CustomResourceDefinition crd =
          client.apiextensions().v1().customResourceDefinitions().load(in).item();
      client.apiextensions().v1().customResourceDefinitions().resource(crd).create();
    }
  }

  /** Answers the next request matching {@code matches} with {@code code} (and a Status body). */
  FaultyApiServer fail(Predicate<RecordedRequest> matches, int code) {
    return fail(matches, status(code));
  }

  FaultyApiServer fail(Predicate<RecordedRequest> matches, MockResponse response) {
    faults.add(new Fault(matches, response));
    return this;
  }

  int pendingFaults() {
    return faults.size();
  }

  List<Exchange> exchanges() {
    return List.copyOf(exchanges);
  }

  /** A 429 as the API server sends it: the wait in the header and in the Status details. */
  static MockResponse throttled(int retryAfterSeconds) {
    return statusWithDetails(429, ",\"details\":{\"retryAfterSeconds\":" + retryAfterSeconds + "}")
        .setHeader("Retry-After", String.valueOf(retryAfterSeconds));
  }

  /**
   * A watch that is accepted, stays silent for {@code silence}, then sends {@code event} (if any)
   * and is closed by the server. Runs off the server's event loop so other requests are served.
   */
  static MockResponse watchClosedAfter(Duration silence, String event) {
    return new MockResponse()
        .withWebSocketUpgrade(
            new WebSocketListener() {
              @Override
              public void onOpen(WebSocket socket, Response response) {
                CompletableFuture.delayedExecutor(silence.toMillis(), TimeUnit.MILLISECONDS)
                    .execute(
                        () -> {
                          if (event != null) {
                            socket.send(event);
                          }
                          socket.close(1000, "closed by the test server");
                        });
              }
            });
  }

  /**
   * A stalled watch: accepted, then nothing is ever sent on it, and the server never closes it. The
   * informer sees an open watch and, on its own, would wait.
   */
  static MockResponse silentWatch() {
    return new MockResponse().withWebSocketUpgrade(new WebSocketListener() {});
  }

  /**
   * A quiet but healthy watch: no object changes, but a BOOKMARK with a newer resourceVersion every
   * {@code every}, as a real API server sends them; never closed by the server.
   */
  MockResponse watchWithBookmarks(Duration every) {
    AtomicLong version = new AtomicLong(1_000_000);
    return new MockResponse()
        .withWebSocketUpgrade(
            new WebSocketListener() {
              @Override
              public void onOpen(WebSocket socket, Response response) {
                // A send that throws would cancel the repetition: a closed socket just ends it.
                timer.scheduleAtFixedRate(
                    () -> {
                      try {
                        socket.send(bookmarkEvent(version.incrementAndGet()));
                      } catch (RuntimeException e) {
                        // The client went away; the next test's server is another instance.
                      }
                    },
                    every.toMillis(),
                    every.toMillis(),
                    TimeUnit.MILLISECONDS);
              }
            });
  }

  private static String bookmarkEvent(long resourceVersion) {
    return "{\"type\":\"BOOKMARK\",\"object\":{\"kind\":\"Pod\",\"apiVersion\":\"v1\","
        + "\"metadata\":{\"resourceVersion\":\""
        + resourceVersion
        + "\"}}}";
  }

  /** The ERROR event an API server sends when the watched resourceVersion is too old. */
  static String goneEvent() {
    return "{\"type\":\"ERROR\",\"object\":{\"kind\":\"Status\",\"apiVersion\":\"v1\","
        + "\"status\":\"Failure\",\"reason\":\"Expired\",\"code\":410,"
        + "\"message\":\"too old resource version\"}}";
  }

  static Predicate<RecordedRequest> watchOf(String resource) {
    return r ->
        r.getMethod().equals("GET")
            && r.getPath().contains("/" + resource)
            && r.getPath().contains("watch=true");
  }

  static MockResponse status(int code) {
    return statusWithDetails(code, "");
  }

  private static MockResponse statusWithDetails(int code, String details) {
    return new MockResponse()
        .setResponseCode(code)
        .setHeader("Content-Type", "application/json")
        .setBody(
            "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"code\":"
                + code
                + ",\"message\":\"injected fault "
                + code
                + "\""
                + details
                + "}");
  }

  static Predicate<RecordedRequest> findingWrites() {
    return r -> r.getPath().contains("/findings") && !r.getMethod().equals("GET");
  }

  static Predicate<RecordedRequest> method(String method, String pathPart) {
    return r -> r.getMethod().equals(method) && r.getPath().contains(pathPart);
  }

  private MockResponse answer(RecordedRequest request) {
    MockResponse response = scripted(request);
    if (response == null) {
      response = crud.dispatch(request);
    }
    exchanges.add(
        new Exchange(Instant.now(), request.getMethod(), request.getPath(), response.code()));
    return response;
  }

  private MockResponse scripted(RecordedRequest request) {
    synchronized (faults) {
      Iterator<Fault> it = faults.iterator();
      while (it.hasNext()) {
        Fault fault = it.next();
        if (fault.matches().test(request)) {
          it.remove();
          return fault.response();
        }
      }
    }
    return null;
  }

  @Override
  public void close() {
    timer.shutdownNow();
    server.destroy();
  }
}
