package io.jobguard.operator;

import static io.jobguard.operator.Workloads.controllerRef;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.jobguard.api.v1alpha1.Finding;
import io.jobguard.operator.findings.FindingWriter;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The operator against the fabric8 mock API server: roll-up, deletion, forged owners, restart. */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
class OperatorTest {
  static final Duration TIMEOUT = Duration.ofSeconds(30);

  @Inject KubernetesClient client;
  @Inject OperatorLifecycle lifecycle;
  @Inject FindingWriter writer;

  String namespace;

  @BeforeEach
  void namespace() {
    namespace = "t-" + UUID.randomUUID().toString().substring(0, 8);
    client
        .namespaces()
        .resource(
            new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
        .create();
    await().atMost(TIMEOUT).until(lifecycle::synced);
  }

  @Test
  void cronJobFindingComesFirstAndRunsOfItOnlyRaiseTheCount() {
    CronJob cronJob = client.resource(Workloads.cronJob(namespace, "node-maint")).create();

    Finding first = awaitFinding("cronjob-node-maint-privileged-container", 1);
    assertThat(client.resources(Job.class).inNamespace(namespace).list().getItems()).isEmpty();
    assertThat(first.getSpec().getSubject().getUid()).isEqualTo(cronJob.getMetadata().getUid());
    assertThat(first.getMetadata().getLabels())
        .containsEntry("jobguard.io/rule", "privileged-container")
        .containsEntry("jobguard.io/severity", "critical")
        .containsEntry("jobguard.io/subject-kind", "CronJob");
    assertThat(first.getMetadata().getOwnerReferences()).isNullOrEmpty();
    assertThat(first.getSpec().getEvidence()).isNotEmpty();
    assertThat(first.getSpec().getTemplate().getHash()).isNotBlank();

    Job job = client.resource(Workloads.job(namespace, "node-maint-1", cronJob)).create();
    client.resource(Workloads.pod(namespace, "node-maint-1-abcde", controllerRef(job))).create();

    Finding rolledUp = awaitFinding("cronjob-node-maint-privileged-container", 3);
    assertThat(findings()).hasSize(1);
    assertThat(rolledUp.getStatus().getRecentOccurrences())
        .extracting(o -> o.getKind())
        .containsExactly("CronJob", "Job", "Pod");
  }

  @Test
  void podDeletedAtOnceStillHasItsFindingMarkedSubjectDeleted() {
    Pod pod = client.resource(Workloads.pod(namespace, "blink")).create();
    client.resource(pod).delete();

    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () -> {
              Finding finding = finding("pod-blink-privileged-container");
              assertThat(finding).isNotNull();
              assertThat(finding.getStatus()).isNotNull();
              assertThat(finding.getStatus().getSubjectExists()).isFalse();
              assertThat(finding.getStatus().getSubjectDeletedAt()).isNotBlank();
            });
  }

  @Test
  void forgedOwnerReferenceDoesNotHideThePod() {
    Job decoy = client.resource(Workloads.job(namespace, "decoy", null)).create();
    client
        .resource(
            Workloads.pod(
                namespace,
                "ghost-child",
                controllerRef("batch/v1", "Job", "ghost", UUID.randomUUID().toString())))
        .create();
    client
        .resource(
            Workloads.pod(
                namespace,
                "wrong-uid",
                controllerRef("batch/v1", "Job", "decoy", UUID.randomUUID().toString())))
        .create();

    awaitFinding("pod-ghost-child-privileged-container", 1);
    awaitFinding("pod-wrong-uid-privileged-container", 1);
    Finding decoyFinding = awaitFinding("job-decoy-privileged-container", 1);
    assertThat(decoyFinding.getSpec().getSubject().getUid())
        .isEqualTo(decoy.getMetadata().getUid());
    assertThat(findings())
        .extracting(f -> f.getMetadata().getName())
        .doesNotContain("job-ghost-privileged-container");
  }

  @Test
  void restartNeitherDuplicatesFindingsNorRecountsObjects() throws Exception {
    CronJob cronJob = client.resource(Workloads.cronJob(namespace, "nightly")).create();
    awaitFinding("cronjob-nightly-privileged-container", 1);
    client.resource(Workloads.job(namespace, "nightly-1", cronJob)).create();
    awaitFinding("cronjob-nightly-privileged-container", 2);

    lifecycle.stop();
    lifecycle.start();
    await().atMost(TIMEOUT).until(lifecycle::synced);
    writer.awaitIdle(TIMEOUT);
    Thread.sleep(2_500); // two coalesce windows: any re-count would have been written by now

    assertThat(findings()).hasSize(1);
    assertThat(finding("cronjob-nightly-privileged-container").getStatus().getCount()).isEqualTo(2);
  }

  private Finding awaitFinding(String name, long count) {
    return await()
        .atMost(TIMEOUT)
        .until(
            () -> finding(name),
            f -> f != null && f.getStatus() != null && f.getStatus().getCount() == count);
  }

  private Finding finding(String name) {
    return client.resources(Finding.class).inNamespace(namespace).withName(name).get();
  }

  private List<Finding> findings() {
    return client.resources(Finding.class).inNamespace(namespace).list().getItems();
  }
}
