package io.jobguard.rules.builtin;

import com.google.auto.service.AutoService;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.jobguard.model.PodSpecView;
import io.jobguard.model.Workload;
import io.jobguard.rules.Evidence;
import io.jobguard.rules.Profile;
import io.jobguard.rules.Rule;
import io.jobguard.rules.RuleContext;
import io.jobguard.rules.RuleMetadata;
import io.jobguard.rules.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * PSS "/proc Mount Type": only {@code Default} masks the kernel interfaces under /proc. Baseline
 * (policy v1.35+) relaxes it for pods in their own user namespace ({@code hostUsers: false}), where
 * the unmasked /proc belongs to that namespace; restricted never does.
 */
@AutoService(Rule.class)
public final class UnmaskedProcMountRule implements Rule {
  private static final String DEFAULT_PROC_MOUNT = "Default";

  private static final RuleMetadata METADATA =
      RuleMetadata.baseline(
          "unmasked-proc-mount",
          "Unmasked /proc mount",
          Severity.HIGH,
          List.of("T1611"),
          "The container runtime masks and makes read-only the parts of /proc and /sys that"
              + " control the kernel (sysrq-trigger, kcore, kallsyms, the sys tree). procMount:"
              + " Unmasked removes those masks, so a container that shares the host's user"
              + " namespace can read kernel memory layout or write kernel settings. Baseline allows"
              + " it only for pods with hostUsers: false; the restricted profile never does.",
          "Remove securityContext.procMount or set it to Default. If an unmasked /proc is truly"
              + " needed (nested container builds), run the pod with spec.hostUsers: false.");

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Evidence> evaluate(Workload workload, RuleContext context) {
    PodSpecView pod = workload.podSpec();
    if (context.profile() != Profile.RESTRICTED && pod.usesUserNamespace()) {
      return List.of();
    }
    List<Evidence> found = new ArrayList<>(0);
    for (SecuritySetting<String> setting :
        SecurityContexts.inContainers(pod, "procMount", SecurityContext::getProcMount)) {
      if (!DEFAULT_PROC_MOUNT.equals(setting.value())) {
        found.add(
            Evidence.of(
                setting.container(),
                setting.path(),
                setting.value(),
                Severity.HIGH,
                setting.owner()
                    + " mounts /proc with procMount '"
                    + setting.value()
                    + "', without the masks that hide kernel interfaces"
                    + (pod.usesUserNamespace()
                        ? " (the restricted profile forbids it even with hostUsers: false)."
                        : ", and the pod shares the host's user namespace.")));
      }
    }
    return found;
  }
}
