package io.jobguard.rules.builtin;

import com.google.auto.service.AutoService;
import io.jobguard.model.Workload;
import io.jobguard.rules.Evidence;
import io.jobguard.rules.Rule;
import io.jobguard.rules.RuleContext;
import io.jobguard.rules.RuleMetadata;
import io.jobguard.rules.Severity;
import io.jobguard.rules.hostpath.HostLocations;
import io.jobguard.rules.hostpath.HostPathVolume;
import java.util.List;

/**
 * A hostPath that exposes systemd units or init scripts: a timer written there outlives the pod.
 */
@AutoService(Rule.class)
public final class HostSystemdMountRule implements Rule {
  private static final RuleMetadata METADATA =
      RuleMetadata.baseline(
          "host-systemd-mount",
          "Host systemd or init directory mounted",
          Severity.CRITICAL,
          List.of("T1053.006", "T1611"),
          "A hostPath volume reaches where the node's systemd or SysV init loads units, timers"
              + " and boot scripts (/etc/systemd, /lib/systemd, /usr/lib/systemd, /run/systemd,"
              + " /etc/init.d, /etc/rc.local, /root/.config/systemd and every user's"
              + " ~/.config/systemd), by mounting it, a parent such as /etc, /home or /, or a"
              + " path inside it. A container that writes a service or timer unit there gets"
              + " code run by the host's init system as root, on a schedule or at every boot."
              + " Paths are normalised first. Severity is critical when writable and high when"
              + " every mount is read-only.",
          "Remove the hostPath volume. Install node services through the node image or its"
              + " configuration management, not from a container; an agent that only reads unit"
              + " state should mount just the files it needs with readOnly: true.");

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Evidence> evaluate(Workload workload, RuleContext context) {
    return HostPathVolume.reaching(
        workload,
        HostLocations.SYSTEMD::reach,
        v -> v.readOnly() ? Severity.HIGH : Severity.CRITICAL);
  }
}
