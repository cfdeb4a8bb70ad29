package io.jobguard.rules.builtin;

import com.google.auto.service.AutoService;
import io.jobguard.model.Workload;
import io.jobguard.rules.Evidence;
import io.jobguard.rules.Rule;
import io.jobguard.rules.RuleContext;
import io.jobguard.rules.RuleMetadata;
import io.jobguard.rules.Severity;
import io.jobguard.rules.hostpath.HostLocation;
import io.jobguard.rules.hostpath.HostLocationSet;
import io.jobguard.rules.hostpath.HostLocations;
import io.jobguard.rules.hostpath.HostPath;
import io.jobguard.rules.hostpath.HostPathVolume;
import java.util.List;
import java.util.Optional;

/** A hostPath of a whole system directory, or of credentials and kubelet or runtime state. */
@AutoService(Rule.class)
public final class SensitiveHostPathRule implements Rule {
  private static final RuleMetadata METADATA =
      RuleMetadata.baseline(
          "sensitive-host-path",
          "Sensitive host path mounted",
          Severity.HIGH,
          List.of("T1611"),
          "A hostPath volume is a whole system directory (/, /etc, /root, /home, /boot,"
              + " /lib/modules, /proc, /sys, /usr, /var, /var/lib) or lies inside /root,"
              + " /etc/kubernetes, /var/lib/kubelet, /var/lib/docker or /var/lib/containerd, or"
              + " inside a path the DetectionPolicy adds. These hold node credentials, every"
              + " pod's secrets and volumes, the kernel's interfaces and the binaries the node"
              + " runs; narrow, routine mounts such as /etc/ssl/certs are left to"
              + " host-path-volume. Severity is critical when the node's root directory is"
              + " mounted writable.",
          "Remove the hostPath volume, or mount only the specific file or subdirectory the"
              + " workload needs with readOnly: true. Use Secrets, ConfigMaps or a CSI driver for"
              + " credentials and data.");

  private static final HostLocationSet NO_POLICY_PATHS =
      new HostLocationSet("policy sensitive paths", List.of());

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Evidence> evaluate(Workload workload, RuleContext context) {
    HostLocationSet extra = policyPaths(context);
    // Only a writable mount of the whole root file system is critical: it is the node.
    return HostPathVolume.reaching(
        workload,
        path -> reach(path, extra),
        v -> v.path().isRoot() && !v.readOnly() ? Severity.CRITICAL : Severity.HIGH);
  }

  private static Optional<String> reach(HostPath path, HostLocationSet extra) {
    List<HostLocation> directory = HostLocations.SENSITIVE_DIRECTORIES.matchingExactly(path);
    if (!directory.isEmpty()) {
      return Optional.of("is the whole host directory " + directory.get(0).path());
    }
    List<HostLocation> tree = HostLocations.SENSITIVE_TREES.containing(path);
    if (!tree.isEmpty()) {
      return Optional.of("lies in the sensitive host tree " + tree.get(0).path());
    }
    List<HostLocation> added = extra.containing(path);
    if (!added.isEmpty()) {
      return Optional.of(
          "lies in " + added.get(0).path() + ", which the DetectionPolicy marks sensitive");
    }
    return Optional.empty();
  }

  /**
   * Relative or empty entries are left to policy validation, which names them; here they match
   * nothing.
   */
  private static HostLocationSet policyPaths(RuleContext context) {
    if (context.extraSensitivePaths().isEmpty()) {
      return NO_POLICY_PATHS;
    }
    return new HostLocationSet(
        "policy sensitive paths",
        context.extraSensitivePaths().stream()
            .filter(p -> HostPath.of(p).form() == HostPath.Form.ABSOLUTE)
            .map(HostLocation::of)
            .toList());
  }
}
