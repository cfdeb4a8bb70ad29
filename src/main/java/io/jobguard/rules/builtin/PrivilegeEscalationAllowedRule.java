package io.jobguard.rules.builtin;

import com.google.auto.service.AutoService;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.jobguard.model.ContainerView;
import io.jobguard.model.Workload;
import io.jobguard.rules.Evidence;
import io.jobguard.rules.Rule;
import io.jobguard.rules.RuleContext;
import io.jobguard.rules.RuleMetadata;
import io.jobguard.rules.Severity;
import java.util.ArrayList;
import java.util.List;

/** PSS restricted "Privilege Escalation": every container must set it to false explicitly. */
@AutoService(Rule.class)
public final class PrivilegeEscalationAllowedRule implements Rule {
  private static final RuleMetadata METADATA =
      RuleMetadata.restricted(
          "privilege-escalation-allowed",
          "Privilege escalation not disabled",
          Severity.LOW,
          "A container does not set securityContext.allowPrivilegeEscalation to false. Unless it"
              + " does, the no_new_privs flag stays off and a setuid binary or file capability in"
              + " the image can raise a process's privileges after it starts. The Pod Security"
              + " Standards restricted profile requires the explicit false on every container;"
              + " Windows pods (spec.os.name: windows) are exempt.",
          "Set securityContext.allowPrivilegeEscalation: false on every container, init"
              + " container and ephemeral container.");

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Evidence> evaluate(Workload workload, RuleContext context) {
    if (workload.podSpec().isWindows()) {
      return List.of();
    }
    List<Evidence> found = new ArrayList<>();
    for (ContainerView c : workload.podSpec().containers()) {
      SecurityContext sc = c.container().getSecurityContext();
      Boolean allowed = sc == null ? null : sc.getAllowPrivilegeEscalation();
      if (!Boolean.FALSE.equals(allowed)) {
        found.add(
            Evidence.of(
                c.name(),
                c.field("securityContext.allowPrivilegeEscalation"),
                allowed == null ? null : allowed.toString(),
                Severity.LOW,
                allowed == null
                    ? "Container '" + c.name() + "' does not set allowPrivilegeEscalation to false."
                    : "Container '" + c.name() + "' allows privilege escalation."));
      }
    }
    return found;
  }
}
