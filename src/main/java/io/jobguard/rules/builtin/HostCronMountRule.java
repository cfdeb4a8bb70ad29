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

/** A hostPath that exposes the node's cron or at spool: one file written there runs as root. */
@AutoService(Rule.class)
public final class HostCronMountRule implements Rule {
  private static final RuleMetadata METADATA =
      RuleMetadata.baseline(
          "host-cron-mount",
          "Host cron or at directory mounted",
          Severity.CRITICAL,
          List.of("T1053.003", "T1053.002", "T1611"),
          "A hostPath volume reaches the node's cron or at configuration (/etc/crontab,"
              + " /etc/cron.d, /etc/cron.{hourly,daily,weekly,monthly}, /etc/anacrontab,"
              + " /var/spool/cron, /var/spool/anacron, /var/spool/at, /etc/at.allow, /etc/at.deny),"
              + " by mounting it, one of its parents such as /etc or /, or a path inside it. A"
              + " container that can write there plants a job the node's cron daemon runs as"
              + " root, outside any container, and which survives the pod. Paths are normalised"
              + " first, so /etc/./cron.d/ and //etc are caught. Severity is critical when"
              + " writable and high when every mount is read-only, since reading crontabs still"
              + " reveals what runs on the node.",
          "Remove the hostPath volume. If a node agent truly needs cron data, mount the single"
              + " file it needs with readOnly: true, and run it as a reviewed DaemonSet rather"
              + " than a Job.");

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Evidence> evaluate(Workload workload, RuleContext context) {
    return HostPathVolume.reaching(
        workload, HostLocations.CRON::reach, v -> v.readOnly() ? Severity.HIGH : Severity.CRITICAL);
  }
}
