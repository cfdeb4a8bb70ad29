package io.jobguard.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Suppression markers of other tools are recognised (to be recorded, never obeyed). */
class IgnoreMarkersTest {

  @Test
  void recognisesOtherToolsAndJobguardMarkers() {
    Map<String, String> annotations = new LinkedHashMap<>();
    annotations.put("ignore-check.kube-linter.io/privileged-container", "node agent");
    annotations.put("polaris.fairwinds.com/privilegeEscalationAllowed-exempt", "true");
    annotations.put("polaris.fairwinds.com/exempt", "true");
    annotations.put("checkov.io/skip1", "CKV_K8S_16=privileged");
    annotations.put("datree.skip/CONTAINERS_INCORRECT_PRIVILEGED_VALUE_TRUE", "ok");
    annotations.put("kube-score/ignore", "container-security-context");
    annotations.put("kubescape.io/ignore", "true");
    annotations.put("trivy.security.devsec/skip", "KSV017");
    annotations.put("jobguard.io/ignore", "privileged-container");
    annotations.put("jobguard.io/exempt-rules", "*");
    assertThat(IgnoreMarkers.find(annotations))
        .containsExactlyElementsOf(new java.util.TreeSet<>(annotations.keySet()));
  }

  @Test
  void ignoresOrdinaryAnnotations() {
    assertThat(
            IgnoreMarkers.find(
                Map.of(
                    "config.linkerd.io/skip-inbound-ports", "4190",
                    "fluentbit.io/exclude", "true",
                    "kubectl.kubernetes.io/default-container", "app",
                    "prometheus.io/scrape", "true",
                    "jobguard.io/owner-team", "payments",
                    "container.apparmor.security.beta.kubernetes.io/app", "runtime/default")))
        .isEmpty();
    assertThat(IgnoreMarkers.find(null)).isEmpty();
  }
}
