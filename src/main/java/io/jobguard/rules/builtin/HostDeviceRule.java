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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A hostPath to a device node: raw disks bypass every file permission and mount option. */
@AutoService(Rule.class)
public final class HostDeviceRule implements Rule {
  private static final Set<String> DEVICE_TYPES = Set.of("CharDevice", "BlockDevice");

  private static final RuleMetadata METADATA =
      RuleMetadata.baseline(
          "host-device",
          "Host device mounted",
          Severity.HIGH,
          List.of("T1611"),
          "A hostPath volume is declared with type CharDevice or BlockDevice, or its path is /dev"
              + " or lies under it. A container with a node's block device can mount the host's"
              + " root filesystem and edit crontabs or units directly, and character devices such"
              + " as /dev/mem, /dev/kmsg or GPU and TPM nodes expose the kernel and hardware.",
          "Remove the hostPath volume. Expose hardware through a device plugin, and node storage"
              + " through a CSI driver or local PersistentVolume instead of the raw device.");

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Evidence> evaluate(Workload workload, RuleContext context) {
    List<Evidence> found = new ArrayList<>();
    for (HostPathVolume volume : HostPathVolume.in(workload)) {
      if (HostLocations.DEVICES.contains(volume.path())) {
        found.add(volume.evidence(Severity.HIGH, "is a host device path under /dev"));
      } else if (DEVICE_TYPES.contains(volume.type())) {
        // The type is what makes the kubelet insist on a device node, so it is the evidence.
        found.add(
            volume.evidenceOn(
                volume.volume().field("hostPath.type"),
                volume.type(),
                Severity.HIGH,
                "is declared as a host " + volume.type()));
      }
    }
    return found;
  }
}
