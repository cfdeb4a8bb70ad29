package io.jobguard.rules.builtin;

import com.google.auto.service.AutoService;
import io.jobguard.model.ContainerView;
import io.jobguard.model.MountView;
import io.jobguard.model.VolumeView;
import io.jobguard.model.Workload;
import io.jobguard.rules.Evidence;
import io.jobguard.rules.Rule;
import io.jobguard.rules.RuleContext;
import io.jobguard.rules.RuleMetadata;
import io.jobguard.rules.Severity;
import io.jobguard.rules.builtin.command.CommandPattern;
import io.jobguard.rules.builtin.command.CommandPatterns;
import io.jobguard.rules.builtin.command.ContainerCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Tradecraft in what a container runs: its command, args and literal env values, including the
 * scripts handed to {@code sh -c}. One finding per container and pattern, at the first element that
 * shows it.
 */
@AutoService(Rule.class)
public final class SuspiciousCommandRule implements Rule {
  private static final int MAX_VALUE_CHARS = 256;
  private static final int MAX_EXCERPT_CHARS = 160;
  private static final Pattern BLANKS = Pattern.compile("\\s+");

  private static final RuleMetadata METADATA =
      RuleMetadata.baseline(
          "suspicious-command",
          "Suspicious container command",
          Severity.HIGH,
          List.of("T1053.007", "T1059.004"),
          "A container's command, arguments or environment values show attacker tradecraft:"
              + " downloading and running code, decoding hidden payloads, reverse shells, entering"
              + " the node's namespaces, installing cron, systemd or at jobs on the host, mining,"
              + " creating more workloads, driving the node's container runtime, loading kernel"
              + " modules or mounting the node's disks. A CronJob or Job that does this is the"
              + " scheduled-execution half of an attack; each finding names the pattern it saw.",
          "Find out who created the workload and why; if it is not known and approved, delete it"
              + " and rotate the credentials it could reach. Ship tools and scripts inside a"
              + " reviewed, pinned image instead of fetching them at run time, and verify"
              + " anything downloaded with a checksum or signature before running it.");

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Evidence> evaluate(Workload workload, RuleContext context) {
    List<Evidence> found = new ArrayList<>(0);
    List<CommandPattern> policyPatterns = CommandPatterns.ofPolicy(context.extraCommandPatterns());
    boolean hostPathVolumes = hasHostPathVolume(workload);
    for (ContainerView container : workload.podSpec().containers()) {
      ContainerCommand command = ContainerCommand.of(container);
      List<String> hostMountPaths =
          hostPathVolumes ? hostMountPaths(workload, container) : List.of();
      for (CommandPatterns.Found f :
          CommandPatterns.findIn(command, hostMountPaths, policyPatterns)) {
        found.add(evidence(container, f.pattern(), f.match()));
      }
    }
    return found;
  }

  private static boolean hasHostPathVolume(Workload workload) {
    for (VolumeView volume : workload.podSpec().volumes()) {
      if (volume.isHostPath()) {
        return true;
      }
    }
    return false;
  }

  /** Where this container mounts hostPath volumes. */
  private static List<String> hostMountPaths(Workload workload, ContainerView container) {
    List<String> paths = List.of();
    for (VolumeView volume : workload.podSpec().volumes()) {
      if (!volume.isHostPath()) {
        continue;
      }
      for (MountView mount : volume.mounts()) {
        String mountPath = mount.mount().getMountPath();
        // the pod spec view shares one view per container
        if (mount.container() == container && mountPath != null) {
          if (paths.isEmpty()) {
            paths = new ArrayList<>();
          }
          paths.add(mountPath);
        }
      }
    }
    return paths;
  }

  private static Evidence evidence(
      ContainerView container, CommandPattern pattern, ContainerCommand.Match match) {
    String message =
        "Container '"
            + container.name()
            + "' "
            + pattern.behaviour()
            + " ("
            + pattern.name()
            + "): "
            + truncated(BLANKS.matcher(match.matched()).replaceAll(" "), MAX_EXCERPT_CHARS);
    return new Evidence(
        container.name(),
        match.element().field(),
        truncated(match.element().text(), MAX_VALUE_CHARS),
        message,
        pattern.severity(),
        pattern.name());
  }

  private static String truncated(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
