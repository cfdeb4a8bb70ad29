package io.jobguard.operator.watch;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.jobguard.findings.TemplateSnapshots;
import io.jobguard.metrics.JobguardMetrics;
import io.jobguard.model.ObjectRef;
import io.jobguard.model.Workload;
import io.jobguard.model.WorkloadFactory;
import io.jobguard.operator.WorkloadEvaluator;
import io.jobguard.operator.findings.FindingWriter;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Watch events of one kind. Adds are evaluated; updates only when the pod template changed (most
 * updates are status, and a CronJob is judged by its template, not by its last schedule time);
 * deletes mark the subject's Findings. A failure is logged and counted, never thrown: an exception
 * must not stop the informer that delivers the next object.
 */
public final class WorkloadEventHandler implements ResourceEventHandler<HasMetadata> {
  private static final Logger LOG = Logger.getLogger(WorkloadEventHandler.class);

  private final WatchedKind kind;
  private final WatchScope scope;
  private final WorkloadEvaluator evaluator;
  private final FindingWriter writer;
  private final JobguardMetrics metrics;

  public WorkloadEventHandler(
      WatchedKind kind,
      WatchScope scope,
      WorkloadEvaluator evaluator,
      FindingWriter writer,
      JobguardMetrics metrics) {
    this.kind = kind;
    this.scope = scope;
    this.evaluator = evaluator;
    this.writer = writer;
    this.metrics = metrics;
  }

  @Override
  public void onAdd(HasMetadata object) {
    handle("ADDED", object, () -> evaluator.evaluate(object));
  }

  @Override
  public void onUpdate(HasMetadata before, HasMetadata after) {
    handle(
        "MODIFIED",
        after,
        () -> {
          if (templateChanged(before, after)) {
            evaluator.evaluate(after);
          }
        });
  }

  @Override
  public void onDelete(HasMetadata object, boolean finalStateUnknown) {
    handle(
        "DELETED",
        object,
        () ->
            writer.subjectDeleted(
                new ObjectRef(
                    kind.apiVersion(),
                    kind.kind(),
                    object.getMetadata().getNamespace(),
                    object.getMetadata().getName(),
                    object.getMetadata().getUid()),
                Instant.now()));
  }

  private void handle(String type, HasMetadata object, Runnable action) {
    metrics.watchEvent(kind.kind(), type);
    if (!kind.evaluated() || object.getMetadata() == null) {
      return;
    }
    if (!scope.includes(object.getMetadata().getNamespace())) {
      return;
    }
    try {
      action.run();
    } catch (RuntimeException e) {
      metrics.evaluationError(kind.kind());
      LOG.errorf(
          e,
          "could not handle %s %s/%s",
          kind.kind(),
          object.getMetadata().getNamespace(),
          object.getMetadata().getName());
    }
  }

  static boolean templateChanged(HasMetadata before, HasMetadata after) {
    if (before == null) {
      return true;
    }
    return !Objects.equals(templateHash(before), templateHash(after));
  }

  private static Optional<String> templateHash(HasMetadata object) {
    // The "before" of an update comes from the cache, which keeps Pods as a compact copy.
    return CompactPod.templateHash(object)
        .or(
            () ->
                WorkloadFactory.from(object)
                    .map(Workload::podSpec)
                    .map(v -> TemplateSnapshots.hash(v.spec())));
  }
}
