package io.jobguard.operator;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.jobguard.metrics.JobguardMetrics;
import io.jobguard.operator.findings.FindingInformer;
import io.jobguard.operator.findings.FindingWriter;
import io.jobguard.operator.policy.DetectionPolicyWatcher;
import io.jobguard.operator.policy.PolicyRejudge;
import io.jobguard.operator.watch.WatchScope;
import io.jobguard.operator.watch.WatchedKind;
import io.jobguard.operator.watch.WorkloadEventHandler;
import io.jobguard.operator.watch.WorkloadInformers;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Starts and stops jobguard's own informers. They are not managed by JOSDK, so they follow
 * leadership through {@link LeaderElection}'s callbacks, or start at boot when leader election is
 * off (dev, tests, a single replica). Policies and Findings are listed first, so that re-listed
 * workloads are judged by the configured policy and meet the Findings they already produced instead
 * of creating them again.
 */
@ApplicationScoped
public class OperatorLifecycle {
  static final Duration SYNC_TIMEOUT = Duration.ofMinutes(5);

  private static final Logger LOG = Logger.getLogger(OperatorLifecycle.class);

  private final DetectionPolicyWatcher policies;
  private final FindingInformer findings;
  private final WorkloadInformers workloads;
  private final PolicyRejudge rejudge;
  private final WorkloadEvaluator evaluator;
  private final FindingWriter writer;
  private final JobguardMetrics metrics;
  private final WatchScope scope;
  private volatile boolean active;

  public OperatorLifecycle(
      DetectionPolicyWatcher policies,
      FindingInformer findings,
      WorkloadInformers workloads,
      PolicyRejudge rejudge,
      WorkloadEvaluator evaluator,
      FindingWriter writer,
      JobguardMetrics metrics,
      JobguardConfig config) {
    this.policies = policies;
    this.findings = findings;
    this.workloads = workloads;
    this.rejudge = rejudge;
    this.evaluator = evaluator;
    this.writer = writer;
    this.metrics = metrics;
    this.scope = WatchScope.of(config);
  }

  public synchronized void start() {
    if (active) {
      return;
    }
    active = true;
    LOG.infof(
        "watching %s",
        scope.allNamespaces() ? "all namespaces" : "namespaces " + scope.namespaces());
    awaitSynced("policies", policies.start());
    awaitSynced("findings", findings.start(scope));
    workloads.start(scope, handlers());
    rejudge.start();
  }

  private static void awaitSynced(String what, CompletableFuture<Void> synced) {
    try {
      synced.get(SYNC_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // Keep going: the writer re-reads on conflicts, and readiness stays false until synced.
      LOG.warnf("%s not synced before watching workloads: %s", what, e.toString());
    }
  }

  private Function<WatchedKind, ResourceEventHandler<HasMetadata>> handlers() {
    return kind -> new WorkloadEventHandler(kind, scope, evaluator, writer, metrics);
  }

  /** Stops watching and forgets what the writer knew, as a restarted process would. */
  public synchronized void stop() {
    active = false;
    rejudge.stop();
    workloads.stop();
    findings.stop();
    policies.stop();
    writer.reset();
  }

  public boolean active() {
    return active;
  }

  public boolean synced() {
    return active && findings.hasSynced() && workloads.hasSynced();
  }

  public boolean running() {
    return !active || workloads.isRunning();
  }
}
