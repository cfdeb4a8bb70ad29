package io.jobguard.rules.builtin;

import com.google.auto.service.AutoService;
import io.jobguard.model.ContainerView;
import io.jobguard.model.Workload;
import io.jobguard.rules.Evidence;
import io.jobguard.rules.Rule;
import io.jobguard.rules.RuleContext;
import io.jobguard.rules.RuleMetadata;
import io.jobguard.rules.Severity;
import java.util.ArrayList;
import java.util.List;

/** PSS baseline "Privileged Containers": privileged mode gives the container every device. */
@AutoService(Rule.class)
public final class PrivilegedContainerRule implements Rule {
  private static final RuleMetadata METADATA =
      RuleMetadata.baseline(
          "privileged-container",
          "Privileged container",
          Severity.CRITICAL,
          List.of("T1611"),
          "A privileged container runs with every Linux capability, sees every host device and is"
              + " not confined by seccomp or AppArmor. From there, writing a crontab or a systemd"
              + " unit onto the node, or loading a kernel module, is one command: the standard"
              + " escape from a scheduled Job to the host.",
          "Remove securityContext.privileged or set it to false. Grant only the specific"
              + " capabilities or devices the workload needs.");

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Evidence> evaluate(Workload workload, RuleContext context) {
    List<Evidence> found = new ArrayList<>();
    for (ContainerView c : workload.podSpec().containers()) {
      var sc = c.container().getSecurityContext();
      if (sc != null && Boolean.TRUE.equals(sc.getPrivileged())) {
        found.add(
            Evidence.of(
                c.name(),
                c.field("securityContext.privileged"),
                "true",
                Severity.CRITICAL,
                "Container '" + c.name() + "' runs privileged."));
      }
    }
    return found;
  }
}
