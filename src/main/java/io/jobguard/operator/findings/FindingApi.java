package io.jobguard.operator.findings;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.jobguard.api.v1alpha1.Finding;
import io.jobguard.api.v1alpha1.FindingStatus;
import io.jobguard.findings.FindingFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.HttpURLConnection;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * The API calls of the writer. The Finding CRD has a status subresource, so a create carries the
 * spec and a second call writes the status. Updates patch the status of the live object.
 */
@ApplicationScoped
public class FindingApi {
  private static final Logger LOG = Logger.getLogger(FindingApi.class);

  /** How a write went. */
  public enum Outcome {
    CREATED("created"),
    UPDATED("updated"),
    ALREADY_EXISTS("conflict"),
    NOT_FOUND("not_found"),
    ERROR("error");

    private final String metricValue;

    Outcome(String metricValue) {
      this.metricValue = metricValue;
    }

    public String metricValue() {
      return metricValue;
    }
  }

  private final KubernetesClient client;

  public FindingApi(KubernetesClient client) {
    this.client = client;
  }

  Outcome create(FindingState state, OccurrenceBatch batch, Instant now) {
    FindingObservation o = state.template;
    Finding finding =
        FindingFactory.create(o.subject(), o.rollup().chain(), o.evaluated(), o.detections(), now);
    FindingStatus status = finding.getStatus();
    status.setCount(0L);
    OccurrenceLedger.apply(status, batch);
    markSubjectDeleted(status, state.subjectDeletedAt);
    state.wanted().applyTo(status);
    try {
      state.createdFinding = createWithStatus(finding, status);
      return Outcome.CREATED;
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_CONFLICT) {
        return Outcome.ALREADY_EXISTS;
      }
      state.retryAfter = retryAfter(e);
      LOG.warnf("could not create finding %s: %s", state.key(), e.getMessage());
      return Outcome.ERROR;
    }
  }

  /**
   * Writes back a Finding someone else deleted, from the copy its delete event carried: same spec
   * and labels, the counts it had plus what happened since. A namespace being deleted refuses
   * (403/404); that is not worth retrying.
   */
  Outcome recreate(FindingState state, OccurrenceBatch batch) {
    Finding deleted = state.deletedCopy;
    Finding finding = new Finding();
    finding.setMetadata(
        new ObjectMetaBuilder()
            .withNamespace(state.namespace)
            .withName(state.name)
            .withLabels(deleted.getMetadata().getLabels())
            .withAnnotations(deleted.getMetadata().getAnnotations())
            .build());
    finding.setSpec(deleted.getSpec());
    FindingStatus status = deleted.getStatus() == null ? new FindingStatus() : deleted.getStatus();
    OccurrenceLedger.apply(status, batch);
    markSubjectDeleted(status, state.subjectDeletedAt);
    try {
      createWithStatus(finding, status);
      return Outcome.CREATED;
    } catch (KubernetesClientException e) {
      int code = e.getCode();
      if (code == HttpURLConnection.HTTP_CONFLICT) {
        return Outcome.ALREADY_EXISTS;
      }
      if (code == HttpURLConnection.HTTP_NOT_FOUND || code == HttpURLConnection.HTTP_FORBIDDEN) {
        return Outcome.NOT_FOUND;
      }
      state.retryAfter = retryAfter(e);
      LOG.warnf("could not re-create finding %s: %s", state.key(), e.getMessage());
      return Outcome.ERROR;
    }
  }

  /**
   * Adds the batch to the status and brings the Finding to the latest verdict: severity label, rule
   * severity, evidence and template in the spec (a separate write: status is a subresource),
   * suppression and ignore markers in the status.
   */
  Outcome update(FindingState state, OccurrenceBatch batch) {
    FindingVerdict wanted = state.wanted();
    var finding = client.resources(Finding.class).inNamespace(state.namespace).withName(state.name);
    try {
      if (wanted != null
          && (state.written == null
              || wanted.specDiffers(state.written, state.template.ownSubject()))) {
        finding.edit(
            f -> {
              wanted.applyTo(f);
              return f;
            });
      }
      state.createdFinding =
          finding.editStatus(
              f -> {
                FindingStatus status = f.getStatus() == null ? new FindingStatus() : f.getStatus();
                OccurrenceLedger.apply(status, batch);
                markSubjectDeleted(status, state.subjectDeletedAt);
                if (wanted != null) {
                  wanted.applyTo(status);
                }
                f.setStatus(status);
                return f;
              });
      return Outcome.UPDATED;
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
        return Outcome.NOT_FOUND;
      }
      state.retryAfter = retryAfter(e);
      LOG.warnf("could not update finding %s: %s", state.key(), e.getMessage());
      return Outcome.ERROR;
    }
  }

  /** Status is a subresource: a create ignores it, so it is written in a second call. */
  private Finding createWithStatus(Finding finding, FindingStatus status) {
    Finding created = client.resource(finding).create();
    return client
        .resource(created)
        .editStatus(
            f -> {
              f.setStatus(status);
              return f;
            });
  }

  /**
   * The wait a throttling API server asked for. The client honours the Retry-After header only
   * within its own few retries; once it gives up, the writer's backoff must not undercut it.
   */
  static Duration retryAfter(KubernetesClientException e) {
    Status status = e.getStatus();
    if (status == null
        || status.getDetails() == null
        || status.getDetails().getRetryAfterSeconds() == null) {
      return Duration.ZERO;
    }
    return Duration.ofSeconds(Math.max(0, status.getDetails().getRetryAfterSeconds()));
  }

  private static void markSubjectDeleted(FindingStatus status, Instant deletedAt) {
    if (deletedAt != null) {
      status.setSubjectExists(false);
      status.setSubjectDeletedAt(deletedAt.toString());
    }
  }
}
