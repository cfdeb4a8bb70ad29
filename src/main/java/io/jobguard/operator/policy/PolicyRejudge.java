package io.jobguard.operator.policy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.jobguard.api.v1alpha1.Finding;
import io.jobguard.api.v1alpha1.SubjectReference;
import io.jobguard.operator.DaemonThreads;
import io.jobguard.operator.WorkloadEvaluator;
import io.jobguard.operator.findings.FindingInformer;
import io.jobguard.operator.watch.WatchedKind;
import io.jobguard.operator.watch.WorkloadInformers;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Judges every cached workload, and the pod controllers that Findings name, again when the active
 * policy changes, and when the earliest exception expires (no policy edit marks that moment, so it
 * is scheduled). Existing Findings take the new verdict: suppressed by the exception that now
 * covers them, or reported again.
 */
@ApplicationScoped
public class PolicyRejudge {
  /** Past the expiry instant, so the exception's own check sees it expired. */
  static final Duration AFTER_EXPIRY = Duration.ofSeconds(1);

  private static final Logger LOG = Logger.getLogger(PolicyRejudge.class);

  private final ActivePolicy policy;
  private final WorkloadInformers workloads;
  private final WorkloadEvaluator evaluator;
  private final KubernetesClient client;
  private final FindingInformer findings;
  private final Clock clock = Clock.systemUTC();
  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("jobguard-policy-rejudge"));
  private boolean started;
  private boolean pending;
  private ScheduledFuture<?> expiry;

  public PolicyRejudge(
      ActivePolicy policy,
      WorkloadInformers workloads,
      WorkloadEvaluator evaluator,
      KubernetesClient client,
      FindingInformer findings) {
    this.policy = policy;
    this.workloads = workloads;
    this.evaluator = evaluator;
    this.client = client;
    this.findings = findings;
    policy.onChange(this::request);
  }

  /** Workloads are watched from now on; until then a policy change needs no re-judging. */
  public synchronized void start() {
    started = true;
    scheduleExpiry();
  }

  public synchronized void stop() {
    started = false;
    if (expiry != null) {
      expiry.cancel(false);
      expiry = null;
    }
  }

  /** Asks for one re-judging soon; requests that arrive before it starts are folded into it. */
  public synchronized void request() {
    if (!started || pending) {
      return;
    }
    pending = true;
    executor.execute(this::rejudgeAll);
  }

  private void rejudgeAll() {
    synchronized (this) {
      pending = false;
      if (!started) {
        return;
      }
    }
    int judged = 0;
    for (HasMetadata object : workloads.cachedEvaluated()) {
      try {
        evaluator.rejudge(object);
        judged++;
      } catch (RuntimeException e) {
        LOG.errorf(e, "could not re-judge %s", object.getMetadata().getName());
      }
    }
    judged += rejudgeControllerSubjects();
    LOG.infof("policy changed or an exception expired: re-judged %d workloads", judged);
    synchronized (this) {
      scheduleExpiry();
    }
  }

  /**
   * Findings on Deployments, DaemonSets and the other pod controllers: their templates are not
   * cached (their Pods are, compactly), so each subject is read once from the API and its template
   * judged. Policy changes are rare; the reads are one per such Finding's subject.
   */
  private int rejudgeControllerSubjects() {
    Set<String> seen = new HashSet<>();
    int judged = 0;
    for (Finding finding : client.resources(Finding.class).inAnyNamespace().list().getItems()) {
      SubjectReference subject = finding.getSpec() == null ? null : finding.getSpec().getSubject();
      if (subject == null || findings.foreign(finding) || !seen.add(key(subject))) {
        continue;
      }
      Optional<WatchedKind> kind = WatchedKind.of(subject.getApiVersion(), subject.getKind());
      if (kind.isEmpty() || kind.get().evaluated()) {
        continue;
      }
      try {
        HasMetadata current =
            client
                .resources(kind.get().type())
                .inNamespace(subject.getNamespace())
                .withName(subject.getName())
                .get();
        // Only the object the Finding names, not a later one re-created under its name.
        if (current != null && Objects.equals(current.getMetadata().getUid(), subject.getUid())) {
          evaluator.rejudge(current);
          judged++;
        }
      } catch (RuntimeException e) {
        LOG.errorf(e, "could not re-judge %s", key(subject));
      }
    }
    return judged;
  }

  private static String key(SubjectReference subject) {
    return subject.getKind() + "/" + subject.getNamespace() + "/" + subject.getName();
  }

  private void scheduleExpiry() {
    if (expiry != null) {
      expiry.cancel(false);
      expiry = null;
    }
    Instant now = clock.instant();
    Optional<Instant> next = policy.current().nextExpiry(now);
    if (started && next.isPresent()) {
      long delay = Duration.between(now, next.get()).plus(AFTER_EXPIRY).toMillis();
      expiry = executor.schedule(this::request, delay, TimeUnit.MILLISECONDS);
    }
  }

  void onShutdown(@Observes ShutdownEvent event) {
    executor.shutdownNow();
  }
}
