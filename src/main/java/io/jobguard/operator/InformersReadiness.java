package io.jobguard.operator;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once every informer has listed its initial state: before that, a CronJob that already
 * exists may not have been judged yet. A standby replica (not the leader) is ready, or a rolling
 * update of two replicas could never finish.
 */
@Readiness
@ApplicationScoped
public class InformersReadiness implements HealthCheck {
  private final OperatorLifecycle lifecycle;
  private final LeaderElection election;

  public InformersReadiness(OperatorLifecycle lifecycle, LeaderElection election) {
    this.lifecycle = lifecycle;
    this.election = election;
  }

  @Override
  public HealthCheckResponse call() {
    boolean standby = election.electionActive() && !lifecycle.active();
    return HealthCheckResponse.named("jobguard-informers")
        .status(standby || lifecycle.synced())
        .withData("role", standby ? "standby" : "active")
        .build();
  }
}
