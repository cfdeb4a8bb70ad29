package io.jobguard.operator;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.jobguard.metrics.JobguardMetrics;
import io.jobguard.operator.findings.FindingInformer;
import io.jobguard.operator.findings.FindingWriter;
import io.jobguard.operator.policy.DetectionPolicyWatcher;
import io.jobguard.operator.policy.PolicyRejudge;
import io.jobguard.operator.watch.NamespaceShard;
import io.jobguard.operator.watch.ShardMembership;
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
  private final KubernetesClient client;
  private final WatchScope scope;
  private volatile boolean active;
  private ShardMembership membership;

  public OperatorLifecycle(
      DetectionPolicyWatcher policies,
      FindingInformer findings,
      WorkloadInformers workloads,
      PolicyRejudge rejudge,
      WorkloadEvaluator evaluator,
      FindingWriter writer,
      JobguardMetrics metrics,
      KubernetesClient client,
      JobguardConfig config) {
    this.policies = policies;
    this.findings = findings;
    this.workloads = workloads;
    this.rejudge = rejudge;
    this.evaluator = evaluator;
    this.writer = writer;
    this.metrics = metrics;
    this.client = client;
    this.scope = WatchScope.of(config);
  }

  public synchronized void start() {
    if (active) {
      return;
    }
    active = true;
    LOG.infof("watching %s", scope.describe());
    if (scope.shard() instanceof NamespaceShard.BySelector selector) {
      membership = ShardMembership.start(client, selector, this::judgeNamespaceInBackground);
      awaitSynced("shard namespaces", membership.synced());
    }
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

  /**
   * A namespace joined the selector shard: its workloads were seen but skipped until now, so they
   * are listed once and judged as if just added. Restarting the informers would do the same at the
   * cost of re-listing the whole cluster. A namespace that leaves simply stops being judged; its
   * Findings stay, as evidence does.
   */
  private void judgeNamespaceInBackground(String namespace) {
    Thread judge = new Thread(() -> judgeNamespace(namespace), "jobguard-shard-join");
    judge.setDaemon(true);
    judge.start();
  }

  private void judgeNamespace(String namespace) {
    if (!active) {
      return;
    }
    LOG.infof("namespace %s joined %s, judging its workloads", namespace, scope.shard().describe());
    Function<WatchedKind, ResourceEventHandler<HasMetadata>> handlers = handlers();
    for (WatchedKind kind : WatchedKind.values()) {
      if (kind.evaluated()) {
        ResourceEventHandler<HasMetadata> handler = handlers.apply(kind);
        client
            .resources(kind.type())
            .inNamespace(namespace)
            .list()
            .getItems()
            .forEach(handler::onAdd);
      }
    }
  }

  /** Stops watching and forgets what the writer knew, as a restarted process would. */
  public synchronized void stop() {
    active = false;
    rejudge.stop();
    if (membership != null) {
      membership.stop();
      membership = null;
    }
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
