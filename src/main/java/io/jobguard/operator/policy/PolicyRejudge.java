package io.jobguard.operator.policy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.jobguard.operator.WorkloadEvaluator;
import io.jobguard.operator.watch.WorkloadInformers;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Judges every cached workload again when the active policy changes, and when the earliest
 * exception expires (no policy edit marks that moment, so it is scheduled). Existing Findings take
 * the new verdict: suppressed by the exception that now covers them, or reported again.
 */
@ApplicationScoped
public class PolicyRejudge {
  /** Past the expiry instant, so the exception's own check sees it expired. */
  static final Duration AFTER_EXPIRY = Duration.ofSeconds(1);

  private static final Logger LOG = Logger.getLogger(PolicyRejudge.class);

  private final ActivePolicy policy;
  private final WorkloadInformers workloads;
  private final WorkloadEvaluator evaluator;
  private final Clock clock = Clock.systemUTC();
  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "jobguard-policy-rejudge");
            t.setDaemon(true);
            return t;
          });
  private boolean started;
  private boolean pending;
  private ScheduledFuture<?> expiry;

  public PolicyRejudge(
      ActivePolicy policy, WorkloadInformers workloads, WorkloadEvaluator evaluator) {
    this.policy = policy;
    this.workloads = workloads;
    this.evaluator = evaluator;
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
    LOG.infof("policy changed or an exception expired: re-judged %d workloads", judged);
    synchronized (this) {
      scheduleExpiry();
    }
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
