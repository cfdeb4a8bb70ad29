package io.jobguard.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Lease timings reach JOSDK: its own defaults unless configured. */
class LeaderElectionTest {
  @Test
  void withoutSettingsTheLeaseKeepsJosdksDefaultTimings() {
    LeaderElectionConfiguration lease = configuration(Map.of());

    assertThat(lease.getLeaseName()).isEqualTo(LeaderElection.LEASE_NAME);
    assertThat(lease.getLeaseDuration())
        .isEqualTo(LeaderElectionConfiguration.LEASE_DURATION_DEFAULT_VALUE);
    assertThat(lease.getRenewDeadline())
        .isEqualTo(LeaderElectionConfiguration.RENEW_DEADLINE_DEFAULT_VALUE);
    assertThat(lease.getRetryPeriod())
        .isEqualTo(LeaderElectionConfiguration.RETRY_PERIOD_DEFAULT_VALUE);
  }

  @Test
  void configuredTimingsAreUsed() {
    LeaderElectionConfiguration lease =
        configuration(
            Map.of(
                "jobguard.leader-election.lease-duration", "6s",
                "jobguard.leader-election.renew-deadline", "4s",
                "jobguard.leader-election.retry-period", "500ms"));

    assertThat(lease.getLeaseDuration()).isEqualTo(Duration.ofSeconds(6));
    assertThat(lease.getRenewDeadline()).isEqualTo(Duration.ofSeconds(4));
    assertThat(lease.getRetryPeriod()).isEqualTo(Duration.ofMillis(500));
  }

  private static LeaderElectionConfiguration configuration(Map<String, String> settings) {
    SmallRyeConfig config =
        new SmallRyeConfigBuilder()
            .withMapping(JobguardConfig.class)
            // "15s" as in application.properties, the way Quarkus reads durations.
            .withConverter(Duration.class, 100, new DurationConverter())
            .withDefaultValues(settings)
            .build();
    JobguardConfig jobguard = config.getConfigMapping(JobguardConfig.class);
    return new LeaderElection(null, jobguard, List.of("prod"), true).configuration();
  }
}
