package io.jobguard.rules.builtin;

import com.google.auto.service.AutoService;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.WindowsSecurityContextOptions;
import io.jobguard.model.Workload;
import io.jobguard.rules.Evidence;
import io.jobguard.rules.Rule;
import io.jobguard.rules.RuleContext;
import io.jobguard.rules.RuleMetadata;
import io.jobguard.rules.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * PSS baseline "HostProcess": a Windows HostProcess container runs as a process on the node. Like
 * the Pod Security admission check, it does not look at {@code spec.os}: the field is refused
 * wherever it is written.
 */
@AutoService(Rule.class)
public final class WindowsHostProcessRule implements Rule {
  private static final RuleMetadata METADATA =
      RuleMetadata.baseline(
          "windows-host-process",
          "Windows HostProcess container",
          Severity.CRITICAL,
          List.of("T1611"),
          "A Windows HostProcess container is not isolated at all: it runs as a process directly"
              + " on the Windows node, in the host's network namespace, with access to the host"
              + " file system and, typically, as SYSTEM or another node account. It is the Windows"
              + " equivalent of a privileged container with every host namespace.",
          "Remove securityContext.windowsOptions.hostProcess or set it to false, at pod and"
              + " container level. Run node management through audited node tooling instead.");

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Evidence> evaluate(Workload workload, RuleContext context) {
    List<Evidence> found = new ArrayList<>(0);
    for (SecuritySetting<WindowsSecurityContextOptions> setting :
        SecurityContexts.everywhere(
            workload.podSpec(),
            "windowsOptions",
            PodSecurityContext::getWindowsOptions,
            SecurityContext::getWindowsOptions)) {
      if (Boolean.TRUE.equals(setting.value().getHostProcess())) {
        found.add(evidence(setting));
      }
    }
    return found;
  }

  private static Evidence evidence(SecuritySetting<WindowsSecurityContextOptions> setting) {
    String who = setting.podLevel() ? "Every container of the pod runs" : setting.owner() + " runs";
    return Evidence.of(
        setting.container(),
        setting.field("hostProcess"),
        "true",
        Severity.CRITICAL,
        who + " as a Windows HostProcess container, directly on the node without isolation.");
  }
}
