package io.jobguard.reliability;

import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.HashMap;
import java.util.function.Function;

/** A started fabric8 mock API server (plain HTTP) whose every answer comes from one function. */
final class DispatchingMockServer {
  private DispatchingMockServer() {}

  static KubernetesMockServer start(Function<RecordedRequest, MockResponse> answer) {
    KubernetesMockServer server =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            new HashMap<>(),
            new Dispatcher() {
              @Override
              public MockResponse dispatch(RecordedRequest request) {
                return answer.apply(request);
              }
            },
            false);
    server.init();
    return server;
  }
}
