package io.jobguard.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

  @Test
  void theScanWouldSeeATamperedDeployment() throws ManifestException {
    List<JsonNode> documents = ChartRenderer.documents(ChartRenderer.render());
    ObjectNode container =
        (ObjectNode)
            ChartRenderer.ofKind(documents, "Deployment")
                .get(0)
                .at("/spec/template/spec/containers/0/securityContext");
    container.put("privileged", true);
    assertThat(detectionsAboveInfo(documents, EffectivePolicy.defaults(Profile.RESTRICTED)))
        .extracting(Detection::ruleId)
        .contains("privileged-container");
  }

  private static void assertNothingAboveInfo(String rendered, EffectivePolicy policy)
      throws ManifestException {
    assertThat(detectionsAboveInfo(ChartRenderer.documents(rendered), policy))
        .as("jobguard's findings on its own chart")
        .isEmpty();
  }

  private static List<Detection> detectionsAboveInfo(
      List<JsonNode> documents, EffectivePolicy policy) throws ManifestException {
    List<Workload> workloads = new ArrayList<>();
    for (JsonNode document : documents) {
      WorkloadReader.read(document).ifPresent(workloads::add);
    }
    assertThat(workloads).as("the chart renders the operator Deployment").hasSize(1);
    return workloads.stream()
        .flatMap(w -> policy.evaluate(w, Instant.now()).stream())
        .filter(d -> d.severity().atLeast(Severity.LOW))
        .toList();
  }
}
