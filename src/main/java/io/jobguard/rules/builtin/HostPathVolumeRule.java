package io.jobguard.rules.builtin;

import com.google.auto.service.AutoService;
import io.jobguard.model.Workload;
import io.jobguard.rules.Evidence;
import io.jobguard.rules.Rule;
import io.jobguard.rules.RuleContext;
import io.jobguard.rules.RuleMetadata;
import io.jobguard.rules.Severity;
import io.jobguard.rules.hostpath.HostPathVolume;
import java.util.ArrayList;
import java.util.List;

/** PSS baseline "HostPath Volumes": any hostPath volume, whatever its path. */
@AutoService(Rule.class)
public final class HostPathVolumeRule implements Rule {
  private static final RuleMetadata METADATA =
      RuleMetadata.baseline(
          "host-path-volume",
          "hostPath volume",
          Severity.MEDIUM,
          List.of(),
          "The pod mounts a directory or file of the node through a hostPath volume, which the"
              + " Pod Security Standards baseline profile forbids. The container then shares"
              + " files with the node and every other pod scheduled there, and a writable mount"
              + " is a foothold for persistence on the host. Severity is low when every mount of"
              + " the volume is read-only; the host-cron-mount, host-systemd-mount,"
              + " container-runtime-socket, sensitive-host-path and host-device rules judge the"
              + " path itself.",
          "Replace the hostPath volume with an emptyDir, a ConfigMap or Secret, or a"
              + " PersistentVolumeClaim. If node files are truly needed, mount the narrowest path"
              + " with readOnly: true and run the workload as a reviewed DaemonSet.");

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Evidence> evaluate(Workload workload, RuleContext context) {
    List<Evidence> found = new ArrayList<>(0);
    for (HostPathVolume v : HostPathVolume.in(workload)) {
      found.add(
          v.evidence(
              v.readOnly() ? Severity.LOW : Severity.MEDIUM, "shares node files with the pod"));
    }
    return found;
  }
}
