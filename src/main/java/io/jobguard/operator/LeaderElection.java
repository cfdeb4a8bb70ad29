package io.jobguard.operator;

import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfigurationBuilder;
import io.jobguard.operator.watch.NamespaceShard;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Two replicas, one active: the Lease {@code jobguard-leader} (with a shard suffix when sharded) in
 * the namespace of {@code POD_NAMESPACE}. JOSDK picks the configuration up in the profiles listed
 * by {@code quarkus.operator-sdk.activate-leader-election-for-profiles} (prod); its callbacks start
 * and stop jobguard's own informers with the reconcilers. Elsewhere the informers start at boot.
 */
@ApplicationScoped
public class LeaderElection {
  public static final String LEASE_NAME = "jobguard-leader";

  private static final Logger LOG = Logger.getLogger(LeaderElection.class);

  private final OperatorLifecycle lifecycle;
  private final String leaseName;
  private final List<String> electionProfiles;
  private final boolean operatorEnabled;
  private final JobguardConfig.LeaderElection timings;

  public LeaderElection(
      OperatorLifecycle lifecycle,
      JobguardConfig config,
      @ConfigProperty(
              name = "quarkus.operator-sdk.activate-leader-election-for-profiles",
              defaultValue = "prod")
          List<String> electionProfiles,
      @ConfigProperty(name = "quarkus.operator-sdk.start-operator", defaultValue = "true")
          boolean operatorEnabled) {
    this.lifecycle = lifecycle;
    this.leaseName = leaseName(NamespaceShard.of(config.shard()));
    this.electionProfiles = electionProfiles;
    this.operatorEnabled = operatorEnabled;
    this.timings = config.leaderElection();
  }

  @Produces
  @Singleton
  LeaderElectionConfiguration configuration() {
    LeaderElectionConfigurationBuilder builder =
        LeaderElectionConfigurationBuilder.aLeaderElectionConfiguration(leaseName)
            .withLeaseDuration(timings.leaseDuration())
            .withRenewDeadline(timings.renewDeadline())
            .withRetryPeriod(timings.retryPeriod())
            .withLeaderCallbacks(
                new LeaderCallbacks(this::onStartLeading, this::onStopLeading, this::onNewLeader));
    String namespace = System.getenv("POD_NAMESPACE");
    if (namespace != null && !namespace.isBlank()) {
      builder.withLeaseNamespace(namespace);
    }
    return builder.build();
  }

  void onStartup(@Observes StartupEvent event) {
    if (!operatorEnabled) {
      // e.g. the offline scanner: the same application, but nothing may touch a cluster.
      LOG.debug("operator disabled, not watching");
    } else if (electionActive()) {
      LOG.info("waiting for leadership of lease " + leaseName);
    } else {
      startInBackground();
    }
  }

  /** One Lease per shard ({@code jobguard-leader-0}, ...), so every shard has its own leader. */
  public static String leaseName(NamespaceShard shard) {
    return LEASE_NAME + shard.leaseSuffix();
  }

  public boolean electionActive() {
    return ConfigUtils.getProfiles().stream().anyMatch(electionProfiles::contains);
  }

  private void onStartLeading() {
    startInBackground();
  }

  /**
   * Listing Findings can take a while on a big cluster, and an unreachable API server is retried:
   * neither may hold up boot or the lease renewals. Readiness reports when watching has begun.
   */
  private void startInBackground() {
    Thread starter = new Thread(lifecycle::start, "jobguard-start");
    starter.setDaemon(true);
    starter.start();
  }

  private void onStopLeading() {
    lifecycle.stop();
  }

  private void onNewLeader(String identity) {
    LOG.infof("leader is now %s", identity);
  }
}
