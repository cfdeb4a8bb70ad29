package io.jobguard.rules.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.jobguard.rules.Evidence;
import io.jobguard.rules.RuleContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Exact evidence of the scheduling and placement rules. */
class PlacementRulesTest {

  @Test
  void controlPlaneTargetingGivesOneEvidencePerField() {
    List<Evidence> found =
        new ControlPlaneTargetingRule()
            .evaluate(
                Manifests.workload(
                    """
                    apiVersion: v1
                    kind: Pod
                    metadata: {name: p}
                    spec:
                      nodeName: cp-1
                      nodeSelector: {node-role.kubernetes.io/master: "", disk: ssd}
                      tolerations:
                        - {key: node-role.kubernetes.io/control-plane, operator: Exists}
                        - {operator: Exists, effect: NoSchedule}
                        - {operator: Exists, effect: NoExecute}
                        - {key: other, operator: Exists}
                      containers:
                        - {name: a, image: a}
                    """),
                RuleContext.defaults());
    assertThat(found)
        .extracting(Evidence::field, Evidence::value)
        .containsExactly(
            tuple("spec.nodeName", "cp-1"),
            tuple(
                "spec.nodeSelector[node-role.kubernetes.io/master]",
                "node-role.kubernetes.io/master"),
            tuple("spec.tolerations[0].key", "node-role.kubernetes.io/control-plane"),
            tuple("spec.tolerations[1].operator", "Exists"));
  }

  @Test
  void evidenceErasureNamesBothHistoryLimitsAndTheTemplateTtl() {
    List<Evidence> found =
        new EvidenceErasureRule()
            .evaluate(
                Manifests.workload(
                    """
                    apiVersion: batch/v1
                    kind: CronJob
                    metadata: {name: c}
                    spec:
                      schedule: "@daily"
                      successfulJobsHistoryLimit: 0
                      failedJobsHistoryLimit: 0
                      jobTemplate:
                        spec:
                          ttlSecondsAfterFinished: 0
                          template:
                            spec:
                              containers: [{name: a, image: a}]
                    """),
                RuleContext.defaults());
    assertThat(found)
        .extracting(Evidence::field, Evidence::value)
        .containsExactly(
            tuple("spec.jobTemplate.spec.ttlSecondsAfterFinished", "0"),
            tuple("spec.successfulJobsHistoryLimit", "0"),
            tuple("spec.failedJobsHistoryLimit", "0"));
    assertThat(found.get(0).message()).contains("immediately");
  }

  @Test
  void frequentScheduleExplainsTheShortestGap() {
    List<Evidence> found =
        new FrequentScheduleRule()
            .evaluate(
                Manifests.workload(
                    """
                    apiVersion: batch/v1
                    kind: CronJob
                    metadata: {name: c}
                    spec:
                      schedule: "0,1,30 * * * *"
                      jobTemplate:
                        spec:
                          template:
                            spec:
                              containers: [{name: a, image: a}]
                    """),
                RuleContext.defaults());
    assertThat(found)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.field()).isEqualTo("spec.schedule");
              assertThat(e.value()).isEqualTo("0,1,30 * * * *");
              assertThat(e.message()).contains("1 minute apart");
            });
  }
}
