package io.jobguard.operator.findings;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.jobguard.api.v1alpha1.Finding;
import io.jobguard.api.v1alpha1.FindingStatus;
import io.jobguard.api.v1alpha1.SubjectReference;
import io.jobguard.metrics.JobguardMetrics;
import io.jobguard.operator.JobguardConfig;
import io.jobguard.operator.watch.ClusterOwnerLookup;
import io.jobguard.operator.watch.WatchedKind;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps Findings honest over time: notices a subject that disappeared while no delete event was
 * seen (say, during a restart) and removes a Finding once retention has passed. Status writes go
 * through the {@link FindingWriter}, the single writer of Finding status, so a count it is
 * coalescing is never overwritten with a stale copy.
 */
@ControllerConfiguration(name = "finding-retention")
public class FindingReconciler implements Reconciler<Finding> {
  static final Duration SUBJECT_CHECK_INTERVAL = Duration.ofHours(1);

  private final ClusterOwnerLookup lookup;
  private final FindingWriter writer;
  private final FindingInformer informer;
  private final KubernetesClient client;
  private final JobguardMetrics metrics;
  private final Duration retention;

  public FindingReconciler(
      ClusterOwnerLookup lookup,
      FindingWriter writer,
      FindingInformer informer,
      KubernetesClient client,
      JobguardMetrics metrics,
      JobguardConfig config) {
    this.lookup = lookup;
    this.writer = writer;
    this.informer = informer;
    this.client = client;
    this.metrics = metrics;
    this.retention = Duration.ofDays(config.retentionDays());
  }

  @Override
  public UpdateControl<Finding> reconcile(Finding finding, Context<Finding> context) {
    if (informer.foreign(finding)) {
      return UpdateControl.noUpdate();
    }
    FindingStatus status = finding.getStatus();
    if (status == null || finding.getSpec() == null || finding.getSpec().getSubject() == null) {
      return UpdateControl.<Finding>noUpdate().rescheduleAfter(SUBJECT_CHECK_INTERVAL);
    }
    Instant now = Instant.now();
    SubjectReference subject = finding.getSpec().getSubject();
    if (!Boolean.FALSE.equals(status.getSubjectExists())) {
      if (!subjectExists(subject)) {
        writer.subjectDeleted(subject.toObjectRef(), now);
      }
      return UpdateControl.<Finding>noUpdate().rescheduleAfter(SUBJECT_CHECK_INTERVAL);
    }
    Optional<Instant> expiry = Retention.expiry(status, retention);
    if (expiry.isPresent() && !now.isBefore(expiry.get())) {
      delete(finding);
      return UpdateControl.noUpdate();
    }
    Duration wait = expiry.map(e -> Duration.between(now, e)).orElse(SUBJECT_CHECK_INTERVAL);
    return UpdateControl.<Finding>noUpdate().rescheduleAfter(wait);
  }

  private boolean subjectExists(SubjectReference subject) {
    Optional<WatchedKind> kind = WatchedKind.of(subject.getApiVersion(), subject.getKind());
    if (kind.isEmpty()) {
      return true;
    }
    return lookup
        .find(kind.get(), subject.getNamespace(), subject.getName())
        .filter(
            o ->
                subject.getUid() == null
                    || Objects.equals(o.getMetadata().getUid(), subject.getUid()))
        .isPresent();
  }

  private void delete(Finding finding) {
    informer.expectDeletion(finding.getMetadata().getNamespace(), finding.getMetadata().getName());
    try {
      client.resource(finding).delete();
      metrics.findingWrite("retention");
    } catch (KubernetesClientException e) {
      metrics.findingWrite("error");
      throw e;
    }
  }
}
