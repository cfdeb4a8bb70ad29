package io.jobguard.operator.policy;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.jobguard.api.v1alpha1.DetectionPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** DetectionPolicy helpers for the operator policy tests. */
final class PolicyTests {
  static final Duration TIMEOUT = Duration.ofSeconds(30);

  private PolicyTests() {}

  static DetectionPolicy createAndAwaitValid(KubernetesClient client, Path file)
      throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      DetectionPolicy policy = client.resources(DetectionPolicy.class).load(in).item();
      DetectionPolicy created = client.resource(policy).create();
      awaitValid(client, created.getMetadata().getName(), "True");
      return created;
    }
  }

  /** Waits for the Valid condition to have {@code status}, and returns it. */
  static Condition awaitValid(KubernetesClient client, String name, String status) {
    return await()
        .atMost(TIMEOUT)
        .until(
            () -> valid(client, name).filter(c -> status.equals(c.getStatus())),
            Optional::isPresent)
        .orElseThrow();
  }

  static Optional<Condition> valid(KubernetesClient client, String name) {
    DetectionPolicy p = client.resources(DetectionPolicy.class).withName(name).get();
    if (p == null || p.getStatus() == null) {
      return Optional.empty();
    }
    return p.getStatus().getConditions().stream()
        .filter(c -> PolicyConditions.VALID.equals(c.getType()))
        .findFirst();
  }
}
