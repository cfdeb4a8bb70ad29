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
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A CRUD mock API server that several operator processes can share: it stores Leases, CRDs,
 * Findings and Events like any other resource, and answers the SelfSubjectRulesReview with which
 * JOSDK checks, before it campaigns, that it may get, create and update Leases (the CRUD server
 * alone would echo the review back without rules, and JOSDK would refuse to start).
 */
final class ElectionApiServer implements AutoCloseable {
  private static final String RULES_REVIEW =
      "{\"apiVersion\":\"authorization.k8s.io/v1\",\"kind\":\"SelfSubjectRulesReview\","
          + "\"status\":{\"incomplete\":false,\"resourceRules\":[{\"verbs\":[\"*\"],"
          + "\"apiGroups\":[\"*\"],\"resources\":[\"*\"]}]}}";

  private final KubernetesCrudDispatcher crud = new KubernetesCrudDispatcher();
  private final KubernetesMockServer server;

  ElectionApiServer() {
    server = DispatchingMockServer.start(this::answer);
  }

  /** The URL the operator processes are pointed at. */
  String url() {
    return server.url("/");
  }

  KubernetesClient client() {
    Config config = new ConfigBuilder(Config.empty()).withMasterUrl(url()).build();
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  /** Installs jobguard's CRDs as the Helm chart does in production (prod does not apply them). */
  void installCrds(KubernetesClient client) throws IOException {
    for (String file :
        new String[] {"findings.jobguard.io-v1.yml", "detectionpolicies.jobguard.io-v1.yml"}) {
      try (InputStream in = Files.newInputStream(Path.of("crds", file))) {
        CustomResourceDefinition crd =
            client.apiextensions().v1().customResourceDefinitions().load(in).item();
        client.apiextensions().v1().customResourceDefinitions().resource(crd).create();
      }
    }
  }

  private MockResponse answer(RecordedRequest request) {
    if (request.getMethod().equals("POST")
        && request.getPath().contains("/selfsubjectrulesreviews")) {
      return new MockResponse()
          .setResponseCode(201)
          .setHeader("Content-Type", "application/json")
          .setBody(RULES_REVIEW);
    }
    return crud.dispatch(request);
  }

  @Override
  public void close() {
    server.destroy();
  }
}
