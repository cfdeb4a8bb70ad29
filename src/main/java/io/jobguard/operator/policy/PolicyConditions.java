package io.jobguard.operator.policy;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.jobguard.api.v1alpha1.DetectionPolicy;
import io.jobguard.api.v1alpha1.DetectionPolicyStatus;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The {@code Valid} condition of a DetectionPolicy; its transition time moves only on change. */
final class PolicyConditions {
  static final String VALID = "Valid";

  private PolicyConditions() {}

  static DetectionPolicyStatus status(DetectionPolicy policy, Optional<String> problem) {
    String value = problem.isEmpty() ? "True" : "False";
    String message = problem.orElse("The policy is valid and applied.");
    Optional<Condition> previous = previousValid(policy);
    String since =
        previous
            .filter(c -> value.equals(c.getStatus()))
            .map(Condition::getLastTransitionTime)
            .orElse(Instant.now().toString());
    Condition condition =
        new ConditionBuilder()
            .withType(VALID)
            .withStatus(value)
            .withReason(problem.isEmpty() ? "Valid" : "Invalid")
            .withMessage(message)
            .withObservedGeneration(policy.getMetadata().getGeneration())
            .withLastTransitionTime(since)
            .build();
    DetectionPolicyStatus status = new DetectionPolicyStatus();
    status.setObservedGeneration(policy.getMetadata().getGeneration());
    status.setConditions(List.of(condition));
    return status;
  }

  private static Optional<Condition> previousValid(DetectionPolicy policy) {
    return Optional.ofNullable(policy.getStatus()).stream()
        .flatMap(s -> s.getConditions().stream())
        .filter(c -> Objects.equals(VALID, c.getType()))
        .findFirst();
  }
}
