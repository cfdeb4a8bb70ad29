package io.jobguard.operator.findings;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.jobguard.api.v1alpha1.Finding;
import io.jobguard.api.v1alpha1.FindingEvidence;
import io.jobguard.api.v1alpha1.FindingRule;
import io.jobguard.api.v1alpha1.FindingSpec;
import io.jobguard.api.v1alpha1.SubjectReference;
import io.jobguard.model.ObjectRef;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventRateLimiterTest {
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void burstThenRefillOverTime() {
    EventRateLimiter limiter = new EventRateLimiter(2, Duration.ofSeconds(1), T0);
    assertThat(limiter.tryAcquire(T0)).isTrue();
    assertThat(limiter.tryAcquire(T0)).isTrue();
    assertThat(limiter.tryAcquire(T0)).isFalse();
    assertThat(limiter.tryAcquire(T0.plusMillis(999))).isFalse();
    assertThat(limiter.tryAcquire(T0.plusMillis(1001))).isTrue();
  }

  @Test
  void eventPointsAtTheSubjectAndExplainsTheFinding() {
    Finding finding = new Finding();
    finding.setMetadata(
        new ObjectMetaBuilder()
            .withNamespace("ops")
            .withName("cronjob-maint-privileged-container")
            .build());
    FindingSpec spec = new FindingSpec();
    spec.setSubject(
        SubjectReference.of(new ObjectRef("batch/v1", "CronJob", "ops", "maint", "uid-1")));
    FindingRule rule = new FindingRule();
    rule.setId("privileged-container");
    rule.setSeverity("critical");
    spec.setRule(rule);
    FindingEvidence evidence = new FindingEvidence();
    evidence.setField(
        "spec.jobTemplate.spec.template.spec.containers[0].securityContext.privileged");
    evidence.setValue("true");
    evidence.setMessage("container maint runs privileged");
    spec.setEvidence(List.of(evidence));
    finding.setSpec(spec);

    Event event = FindingEvents.eventFor(finding, T0);

    assertThat(event.getType()).isEqualTo("Warning");
    assertThat(event.getReason()).isEqualTo(FindingEvents.REASON);
    assertThat(event.getInvolvedObject().getUid()).isEqualTo("uid-1");
    assertThat(event.getMetadata().getName()).startsWith("maint.");
    assertThat(event.getMessage())
        .contains("privileged-container (critical)")
        .contains("runs privileged")
        .contains("cronjob-maint-privileged-container");
  }
}
