package io.jobguard.policy;

import static io.jobguard.policy.Specs.outcome;
import static io.jobguard.policy.Specs.policy;
import static org.assertj.core.api.Assertions.assertThat;

import io.jobguard.model.Workload;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** An exception applies strictly before its expiry and not from it on. */
class ExpiryTest {
  private static final Workload POD = TestWorkload.pod("batch", "report").build();

  private static EffectivePolicy expiring() throws PolicyValidationException {
    return policy(
        """
        exceptions:
          - name: migration
            rules: [privileged-container]
            namespaces: [batch]
            reason: one-off migration job, approved in CHG-1234
            expires: "2026-06-30T00:00:00+02:00"
          - name: permanent
            rules: [always-medium]
            reason: test
        """);
  }

  @Test
  void appliesBeforeExpiry() throws PolicyValidationException {
    assertThat(outcome(expiring(), POD, Instant.parse("2026-06-29T21:59:59Z")))
        .containsEntry("privileged-container", "migration");
  }

  @Test
  void stopsApplyingAtExpiry() throws PolicyValidationException {
    assertThat(outcome(expiring(), POD, Instant.parse("2026-06-29T22:00:00Z")))
        .containsEntry("privileged-container", "active")
        .containsEntry("always-medium", "permanent");
    assertThat(outcome(expiring(), POD, Instant.parse("2027-01-01T00:00:00Z")))
        .containsEntry("privileged-container", "active");
  }

  @Test
  void nextExpiryTellsTheOperatorWhenToReevaluate() throws PolicyValidationException {
    assertThat(expiring().nextExpiry(Instant.parse("2026-06-01T00:00:00Z")))
        .contains(Instant.parse("2026-06-29T22:00:00Z"));
    assertThat(expiring().nextExpiry(Instant.parse("2026-07-01T00:00:00Z"))).isEmpty();
  }
}
