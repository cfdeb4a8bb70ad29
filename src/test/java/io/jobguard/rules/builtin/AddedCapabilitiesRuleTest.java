package io.jobguard.rules.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.jobguard.model.Workload;
import io.jobguard.rules.Evidence;
import io.jobguard.rules.RuleContext;
import io.jobguard.rules.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddedCapabilitiesRuleTest {
  private final AddedCapabilitiesRule rule = new AddedCapabilitiesRule();

  @ParameterizedTest(name = "{0} is {1} at {2}")
  @CsvSource({
    "SYS_ADMIN, SYS_ADMIN, CRITICAL",
    "cap_sys_admin, SYS_ADMIN, CRITICAL",
    "Cap_Sys_Module, SYS_MODULE, CRITICAL",
    "all, ALL, CRITICAL",
    "CAP_SYS_PTRACE, SYS_PTRACE, HIGH",
    "dac_read_search, DAC_READ_SEARCH, HIGH",
    "BPF, BPF, HIGH",
    "NET_RAW, NET_RAW, MEDIUM",
    "cap_chown, CHOWN, MEDIUM"
  })
  void judgesTheCapabilityTheRuntimeGrants(String written, String granted, Severity severity) {
    assertThat(AddedCapabilitiesRule.canonical(written)).isEqualTo(granted);
    assertThat(AddedCapabilitiesRule.severity(granted)).isEqualTo(severity);
  }

  @Test
  void reportsEachOffendingValueAtItsOwnIndexAndSeverity() {
    Workload job =
        Workloads.fromYaml(
            """
            apiVersion: batch/v1
            kind: CronJob
            metadata: {name: node-maint}
            spec:
              schedule: "0 3 * * *"
              jobTemplate:
                spec:
                  template:
                    spec:
                      containers:
                        - name: maint
                          image: busybox:1.36
                          securityContext:
                            capabilities:
                              add: [NET_BIND_SERVICE, NET_RAW, cap_sys_admin]
            """);

    List<Evidence> evidence = rule.evaluate(job, RuleContext.defaults());

    String prefix =
        "spec.jobTemplate.spec.template.spec.containers[0].securityContext.capabilities";
    assertThat(evidence)
        .extracting(Evidence::field, Evidence::value, Evidence::severity)
        .containsExactly(
            tuple(prefix + ".add[1]", "NET_RAW", Severity.MEDIUM),
            tuple(prefix + ".add[2]", "cap_sys_admin", Severity.CRITICAL));
    assertThat(evidence.get(1).message())
        .isEqualTo("Container 'maint' adds the SYS_ADMIN capability, outside the baseline set.");
  }

  @Test
  void theBaselineSetIsExactlyTheRuntimeDefaultsPssAllows() {
    assertThat(AddedCapabilitiesRule.BASELINE)
        .containsExactlyInAnyOrder(
            "AUDIT_WRITE",
            "CHOWN",
            "DAC_OVERRIDE",
            "FOWNER",
            "FSETID",
            "KILL",
            "MKNOD",
            "NET_BIND_SERVICE",
            "SETFCAP",
            "SETGID",
            "SETPCAP",
            "SETUID",
            "SYS_CHROOT");
  }
}
