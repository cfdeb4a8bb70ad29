package io.jobguard.operator;

import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfigurationBuilder;
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
 * Two replicas, one active: the Lease {@code jobguard-leader} in the namespace of {@code
 * POD_NAMESPACE}. JOSDK picks the configuration up in the profiles listed by {@code
 * quarkus.operator-sdk.activate-leader-election-for-profiles} (prod); its callbacks start and stop
 * jobguard's own informers with the reconcilers. Elsewhere the informers start at boot.
 */
@ApplicationScoped
public class LeaderElection {
  public static final String LEASE_NAME = "jobguard-leader";

  private static final Logger LOG = Logger.getLogger(LeaderElection.class);

  private final OperatorLifecycle lifecycle;
  private final List<String> electionProfiles;
  private final boolean operatorEnabled;

  public LeaderElection(
      OperatorLifecycle lifecycle,
      @ConfigProperty(
              name = "quarkus.operator-sdk.activate-leader-election-for-profiles",
              defaultValue = "prod")
          List<String> electionProfiles,
      @ConfigProperty(name = "quarkus.operator-sdk.start-operator", defaultValue = "true")
          boolean operatorEnabled) {
    this.lifecycle = lifecycle;
    this.electionProfiles = electionProfiles;
    this.operatorEnabled = operatorEnabled;
  }

  @Produces
  @Singleton
  LeaderElectionConfiguration configuration() {
    LeaderElectionConfigurationBuilder builder =
        LeaderElectionConfigurationBuilder.aLeaderElectionConfiguration(LEASE_NAME)
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
      LOG.info("waiting for leadership of lease " + LEASE_NAME);
    } else {
      startInBackground();
    }
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
