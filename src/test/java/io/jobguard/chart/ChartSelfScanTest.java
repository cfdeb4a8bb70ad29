package io.jobguard.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jobguard.model.ManifestException;
import io.jobguard.model.Workload;
import io.jobguard.model.WorkloadReader;
import io.jobguard.policy.DetectionPolicySpec;
import io.jobguard.policy.EffectivePolicy;
import io.jobguard.policy.PolicyValidationException;
import io.jobguard.rules.Detection;
import io.jobguard.rules.Profile;
import io.jobguard.rules.Severity;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * jobguard scanning its own rendered chart with the restricted profile reports nothing above info
 * (SPEC §7): the operator's pod must be an example of what it asks of others.
 */
class ChartSelfScanTest {
  @Test
  void defaultsPassTheRestrictedProfile() throws ManifestException {
    assertNothingAboveInfo(ChartRenderer.render(), EffectivePolicy.defaults(Profile.RESTRICTED));
  }

  @Test
  void everyOptionalPartPassesTheRestrictedProfile() throws ManifestException {
    assertNothingAboveInfo(
        ChartRenderer.render(ChartRenderer.EVERYTHING_ON),
        EffectivePolicy.defaults(Profile.RESTRICTED));
  }

  @Test
  void theChartsOwnPolicyLoadsAndPassesItsWorkload()
      throws ManifestException, PolicyValidationException, JsonProcessingException {
    for (Path values : List.of(ChartRenderer.EVERYTHING_ON)) {
      String rendered = ChartRenderer.render(values);
      JsonNode policy =
          ChartRenderer.ofKind(ChartRenderer.documents(rendered), "DetectionPolicy").get(0);
      DetectionPolicySpec spec =
          new ObjectMapper().treeToValue(policy.path("spec"), DetectionPolicySpec.class);
      assertNothingAboveInfo(rendered, EffectivePolicy.from(spec));
    }
  }

  private static void assertNothingAboveInfo(String rendered, EffectivePolicy policy)
      throws ManifestException {
    List<Workload> workloads = new ArrayList<>();
    for (JsonNode document : ChartRenderer.documents(rendered)) {
      WorkloadReader.read(document).ifPresent(workloads::add);
    }
    assertThat(workloads).as("the chart renders the operator Deployment").hasSize(1);
    List<Detection> detections =
        workloads.stream().flatMap(w -> policy.evaluate(w, Instant.now()).stream()).toList();
    assertThat(detections)
        .as("jobguard's findings on its own chart")
        .allMatch(d -> !d.severity().atLeast(Severity.LOW));
  }
}
