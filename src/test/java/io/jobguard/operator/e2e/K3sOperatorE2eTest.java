package io.jobguard.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.jobguard.api.v1alpha1.Finding;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The operator against a real API server (K3s in Docker): a privileged CronJob yields its Finding.
 * Runs with {@code ./mvnw -B verify -Pe2e}; skipped where Docker is not available.
 */
@Tag("e2e")
@Testcontainers(disabledWithoutDocker = true)
@QuarkusTest
@QuarkusTestResource(value = K3sResource.class, restrictToAnnotatedClass = true)
class K3sOperatorE2eTest {
  @Inject KubernetesClient client;

  @Test
  void privilegedCronJobIsReported() {
    String namespace = "e2e-jobguard";
    client
        .namespaces()
        .resource(
            new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
        .serverSideApply();
    client
        .resource(
            new CronJobBuilder()
                .withNewMetadata()
                .withNamespace(namespace)
                .withName("node-maint")
                .endMetadata()
                .withNewSpec()
                .withSchedule("0 3 * * *")
                .withNewJobTemplate()
                .withNewSpec()
                .withNewTemplate()
                .withNewSpec()
                .withRestartPolicy("Never")
                .addNewContainer()
                .withName("maint")
                .withImage("busybox:1.36")
                .withNewSecurityContext()
                .withPrivileged(true)
                .endSecurityContext()
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .endJobTemplate()
                .endSpec()
                .build())
        .create();

    Finding finding =
        await()
            .atMost(Duration.ofMinutes(2))
            .until(
                () ->
                    client
                        .resources(Finding.class)
                        .inNamespace(namespace)
                        .withName("cronjob-node-maint-privileged-container")
                        .get(),
                f -> f != null && f.getStatus() != null);
    assertThat(finding.getSpec().getRule().getSeverity()).isEqualTo("critical");
    assertThat(finding.getStatus().getCount()).isEqualTo(1);
  }
}
