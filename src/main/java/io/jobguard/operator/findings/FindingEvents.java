package io.jobguard.operator.findings;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.jobguard.api.v1alpha1.Finding;
import io.jobguard.api.v1alpha1.FindingEvidence;
import io.jobguard.api.v1alpha1.SubjectReference;
import io.jobguard.findings.Truncation;
import io.jobguard.operator.DaemonThreads;
import io.jobguard.operator.JobguardConfig;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * A Warning Event on the subject for each new Finding, so {@code kubectl describe cronjob x} shows
 * it next to the scheduler's own events. Best effort: a failed or rate-limited Event never stops
 * the Finding from being written, and a new Finding's Event is sent from a thread of its own, so
 * the writer thread goes on to the next Finding instead of waiting for it.
 */
@ApplicationScoped
public class FindingEvents {
  public static final String REASON = "JobguardFinding";
  public static final String REASON_DELETED = "JobguardFindingDeleted";
  static final int MAX_MESSAGE = 1024;

  /** Events waiting for a slow API server; beyond this many, new ones are skipped. */
  static final int MAX_PENDING = 1_000;

  private static final Logger LOG = Logger.getLogger(FindingEvents.class);

  private final KubernetesClient client;
  private final boolean enabled;
  private final EventRateLimiter limiter =
      new EventRateLimiter(50, Duration.ofMillis(200), Instant.now());
  private final AtomicInteger pending = new AtomicInteger();
  private final ExecutorService sender =
      Executors.newSingleThreadExecutor(DaemonThreads.named("jobguard-events"));

  @Inject
  public FindingEvents(KubernetesClient client, JobguardConfig config) {
    this(client, config.events().enabled());
  }

  public FindingEvents(KubernetesClient client, boolean enabled) {
    this.client = client;
    this.enabled = enabled;
  }

  /** Announces a new Finding; returns at once, the Event follows from the sender thread. */
  public void newFinding(Finding finding, Instant now) {
    if (!enabled || !admitted(finding, now)) {
      return;
    }
    if (pending.incrementAndGet() > MAX_PENDING) {
      pending.decrementAndGet();
      LOG.debugf("event for %s skipped: %d waiting", finding.getMetadata().getName(), MAX_PENDING);
      return;
    }
    Event event = eventFor(finding, now);
    sender.execute(
        () -> {
          try {
            create(finding, event);
          } finally {
            pending.decrementAndGet();
          }
        });
  }

  /** A Finding was deleted by someone other than jobguard: that is worth a Warning of its own. */
  public void findingDeleted(Finding finding, boolean subjectGone, Instant now) {
    if (!enabled || finding.getSpec() == null || finding.getSpec().getSubject() == null) {
      return;
    }
    Event event = eventFor(finding, now);
    event.setReason(REASON_DELETED);
    event.setMessage(
        Truncation.truncate(
            String.format(
                Locale.ROOT,
                "finding %s (%s) was deleted by someone other than jobguard; %s",
                finding.getMetadata().getName(),
                finding.getSpec().getRule().getId(),
                subjectGone
                    ? "its subject is gone, so it stays deleted"
                    : "it is being re-created"),
            MAX_MESSAGE));
    emit(finding, event, now);
  }

  void onShutdown(@Observes ShutdownEvent event) {
    sender.shutdownNow();
  }

  private void emit(Finding finding, Event event, Instant now) {
    if (admitted(finding, now)) {
      create(finding, event);
    }
  }

  private boolean admitted(Finding finding, Instant now) {
    if (limiter.tryAcquire(now)) {
      return true;
    }
    LOG.debugf("event for %s skipped: rate limit", finding.getMetadata().getName());
    return false;
  }

  private void create(Finding finding, Event event) {
    try {
      client
          .v1()
          .events()
          .inNamespace(finding.getMetadata().getNamespace())
          .resource(event)
          .create();
    } catch (KubernetesClientException e) {
      LOG.warnf(
          "could not record event for %s: %s", finding.getMetadata().getName(), e.getMessage());
    }
  }

  static Event eventFor(Finding finding, Instant now) {
    SubjectReference subject = finding.getSpec().getSubject();
    return new EventBuilder()
        .withNewMetadata()
        .withNamespace(subject.getNamespace())
        .withName(subject.getName() + "." + UUID.randomUUID().toString().substring(0, 8))
        .endMetadata()
        .withNewInvolvedObject()
        .withApiVersion(subject.getApiVersion())
        .withKind(subject.getKind())
        .withNamespace(subject.getNamespace())
        .withName(subject.getName())
        .withUid(subject.getUid())
        .endInvolvedObject()
        .withType("Warning")
        .withReason(REASON)
        .withMessage(Truncation.truncate(message(finding), MAX_MESSAGE))
        .withFirstTimestamp(now.toString())
        .withLastTimestamp(now.toString())
        .withCount(1)
        .withNewSource()
        .withComponent("jobguard")
        .endSource()
        .withReportingComponent("jobguard.io/operator")
        .withReportingInstance(System.getenv().getOrDefault("HOSTNAME", "jobguard"))
        .build();
  }

  private static String message(Finding finding) {
    var rule = finding.getSpec().getRule();
    String evidence =
        finding.getSpec().getEvidence().stream()
            .findFirst()
            .map(FindingEvents::describe)
            .orElse("");
    return String.format(
        Locale.ROOT,
        "%s (%s): %s; see finding %s",
        rule.getId(),
        rule.getSeverity(),
        evidence,
        finding.getMetadata().getName());
  }

  private static String describe(FindingEvidence e) {
    return e.getMessage() + " [" + e.getField() + "=" + e.getValue() + "]";
  }
}
