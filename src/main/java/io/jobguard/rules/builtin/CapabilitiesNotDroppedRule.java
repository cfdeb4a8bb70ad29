package io.jobguard.rules.builtin;

import com.google.auto.service.AutoService;
import io.fabric8.kubernetes.api.model.Capabilities;
import io.jobguard.model.ContainerView;
import io.jobguard.model.Workload;
import io.jobguard.rules.Evidence;
import io.jobguard.rules.Rule;
import io.jobguard.rules.RuleContext;
import io.jobguard.rules.RuleMetadata;
import io.jobguard.rules.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * PSS restricted "Capabilities": every container drops ALL and adds back at most NET_BIND_SERVICE.
 * Like the admission check, the comparison is exact ({@code all} is not ALL).
 */
@AutoService(Rule.class)
public final class CapabilitiesNotDroppedRule implements Rule {
  private static final String ALL = "ALL";
  private static final String NET_BIND_SERVICE = "NET_BIND_SERVICE";

  private static final RuleMetadata METADATA =
      RuleMetadata.restricted(
          "capabilities-not-dropped",
          "Capabilities not dropped",
          Severity.LOW,
          "A container does not drop ALL Linux capabilities, or adds back one other than"
              + " NET_BIND_SERVICE. The runtime's default set still includes capabilities such as"
              + " CHOWN, DAC_OVERRIDE, SETUID and NET_RAW that help an attacker who gains code"
              + " execution in the container. The Pod Security Standards restricted profile"
              + " requires dropping them all; Windows pods (spec.os.name: windows) are exempt.",
          "Set securityContext.capabilities.drop: [\"ALL\"] on every container and add back only"
              + " NET_BIND_SERVICE when the process binds a port below 1024.");

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
      Capabilities caps =
          c.container().getSecurityContext() == null
              ? null
              : c.container().getSecurityContext().getCapabilities();
      List<String> drop = caps == null || caps.getDrop() == null ? List.of() : caps.getDrop();
      if (!drop.contains(ALL)) {
        found.add(
            Evidence.of(
                c.name(),
                c.field("securityContext.capabilities.drop"),
                drop.isEmpty() ? null : String.join(",", drop),
                Severity.LOW,
                "Container '" + c.name() + "' does not drop ALL capabilities."));
      }
      List<String> add = caps == null || caps.getAdd() == null ? List.of() : caps.getAdd();
      for (int i = 0; i < add.size(); i++) {
        if (!NET_BIND_SERVICE.equals(add.get(i))) {
          found.add(
              Evidence.of(
                  c.name(),
                  c.field("securityContext.capabilities.add[" + i + "]"),
                  add.get(i),
                  Severity.LOW,
                  "Container '" + c.name() + "' adds the capability " + add.get(i) + "."));
        }
      }
    }
    return found;
  }
}
