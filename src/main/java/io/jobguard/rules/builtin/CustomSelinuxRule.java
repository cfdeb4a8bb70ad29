package io.jobguard.rules.builtin;

import com.google.auto.service.AutoService;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.SELinuxOptions;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.jobguard.model.Workload;
import io.jobguard.rules.Evidence;
import io.jobguard.rules.Rule;
import io.jobguard.rules.RuleContext;
import io.jobguard.rules.RuleMetadata;
import io.jobguard.rules.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * PSS baseline "SELinux": the type may only be one of the container types (policy v1.31 added
 * container_engine_t), and user and role may not be set at all. The level (MCS categories) is free.
 */
@AutoService(Rule.class)
public final class CustomSelinuxRule implements Rule {
  static final Set<String> ALLOWED_TYPES =
      Set.of("container_t", "container_init_t", "container_kvm_t", "container_engine_t");

  private static final RuleMetadata METADATA =
      RuleMetadata.baseline(
          "custom-selinux",
          "Custom SELinux options",
          Severity.MEDIUM,
          List.of(),
          "On SELinux nodes the container types confine what a container process may touch on"
              + " the host. Any other type, such as spc_t (super-privileged container) or"
              + " unconfined_t, lifts that confinement, and a custom SELinux user or role can"
              + " switch the process into a more powerful domain.",
          "Remove seLinuxOptions.type, user and role, or set the type to container_t,"
              + " container_init_t, container_kvm_t or container_engine_t. Keep only"
              + " seLinuxOptions.level when the workload needs specific MCS categories.");

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Evidence> evaluate(Workload workload, RuleContext context) {
    List<Evidence> found = new ArrayList<>();
    for (SecuritySetting<SELinuxOptions> setting :
        SecurityContexts.everywhere(
            workload.podSpec(),
            "seLinuxOptions",
            PodSecurityContext::getSeLinuxOptions,
            SecurityContext::getSeLinuxOptions)) {
      SELinuxOptions options = setting.value();
      if (isSet(options.getType()) && !ALLOWED_TYPES.contains(options.getType())) {
        found.add(evidence(setting, "type", options.getType(), "an unconfined SELinux type"));
      }
      if (isSet(options.getUser())) {
        found.add(evidence(setting, "user", options.getUser(), "a custom SELinux user"));
      }
      if (isSet(options.getRole())) {
        found.add(evidence(setting, "role", options.getRole(), "a custom SELinux role"));
      }
    }
    return found;
  }

  private static boolean isSet(String value) {
    return value != null && !value.isEmpty();
  }

  private static Evidence evidence(
      SecuritySetting<SELinuxOptions> setting, String field, String value, String what) {
    String message =
        field.equals("type")
            ? setting.owner()
                + " sets SELinux type '"
                + value
                + "', outside the container types that keep it confined."
            : setting.owner() + " sets " + what + " '" + value + "', which baseline forbids.";
    return Evidence.of(setting.container(), setting.field(field), value, Severity.MEDIUM, message);
  }
}
