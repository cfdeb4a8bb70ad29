package io.jobguard.operator;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Live while the informers that were started are still running. fabric8 informers retry watch
 * failures forever, so one that stopped will not recover: a restart is the fix.
 */
@Liveness
@ApplicationScoped
public class InformersLiveness implements HealthCheck {
  private final OperatorLifecycle lifecycle;

  public InformersLiveness(OperatorLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("jobguard-informers").status(lifecycle.running()).build();
  }
}
