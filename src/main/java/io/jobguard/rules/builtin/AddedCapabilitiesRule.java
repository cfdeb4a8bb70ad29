package io.jobguard.rules.builtin;

import com.google.auto.service.AutoService;
import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.jobguard.model.Workload;
import io.jobguard.rules.Evidence;
import io.jobguard.rules.Rule;
import io.jobguard.rules.RuleContext;
import io.jobguard.rules.RuleMetadata;
import io.jobguard.rules.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * PSS baseline "Capabilities": {@code capabilities.add} may only hold the runtime's default set.
 * Membership is judged on the value exactly as written, as Pod Security admission does; severity is
 * judged on the capability the runtime grants, because runtimes accept {@code cap_sys_admin} and
 * {@code CAP_SYS_ADMIN} as SYS_ADMIN.
 */
@AutoService(Rule.class)
public final class AddedCapabilitiesRule implements Rule {
  /** The container runtimes' default capability set, which PSS baseline lets pods re-add. */
  static final Set<String> BASELINE =
      Set.of(
          "AUDIT_WRITE",
          "CHOWN",
          "DAC_OVERRIDE",
          "FOWNER",
          "FSETID",
          "KILL",
          "MKNOD",
          "NET_BIND_SERVICE",
          "SETFCAP",
          "SETGID",
          "SETPCAP",
          "SETUID",
          "SYS_CHROOT");

  /** Each is on its own a documented route to the host (mount, module load, every capability). */
  private static final Set<String> CRITICAL = Set.of("SYS_ADMIN", "SYS_MODULE", "ALL");

  /**
   * Read other processes or raw devices, bypass file permissions or the LSM, or own the network.
   */
  private static final Set<String> HIGH =
      Set.of(
          "SYS_PTRACE",
          "SYS_RAWIO",
          "SYS_BOOT",
          "DAC_READ_SEARCH",
          "NET_ADMIN",
          "BPF",
          "PERFMON",
          "MAC_ADMIN",
          "MAC_OVERRIDE");

  private static final RuleMetadata METADATA =
      RuleMetadata.baseline(
          "added-capabilities",
          "Capability added beyond the baseline set",
          Severity.MEDIUM,
          List.of("T1611"),
          "Linux capabilities split root's power into pieces; container runtimes grant a small"
              + " default set. Adding others hands a container part of the node: SYS_ADMIN mounts"
              + " file systems and breaks out through cgroups, SYS_MODULE loads kernel code,"
              + " SYS_PTRACE reads other processes, DAC_READ_SEARCH opens host files by handle,"
              + " NET_ADMIN and NET_RAW reconfigure or spoof the network. Severity follows the"
              + " most dangerous capability added.",
          "Remove the capability from securityContext.capabilities.add. Drop ALL and add back only"
              + " capabilities from the baseline set that the workload demonstrably needs.");

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Evidence> evaluate(Workload workload, RuleContext context) {
    List<Evidence> found = new ArrayList<>();
    for (SecuritySetting<Capabilities> setting :
        SecurityContexts.inContainers(
            workload.podSpec(), "capabilities", SecurityContext::getCapabilities)) {
      List<String> added = setting.value().getAdd();
      for (int i = 0; added != null && i < added.size(); i++) {
        String written = added.get(i) == null ? "" : added.get(i);
        if (!BASELINE.contains(written)) {
          found.add(evidence(setting, i, written));
        }
      }
    }
    return found;
  }

  private static Evidence evidence(
      SecuritySetting<Capabilities> setting, int index, String written) {
    String granted = canonical(written);
    String message =
        BASELINE.contains(granted)
            ? setting.owner()
                + " adds '"
                + written
                + "', a spelling of "
                + granted
                + " that Pod Security admission does not accept; write it as "
                + granted
                + "."
            : setting.owner() + " adds " + named(granted) + ", outside the baseline set.";
    return Evidence.of(
        setting.container(),
        setting.field("add[" + index + "]"),
        written,
        severity(granted),
        message);
  }

  private static String named(String granted) {
    return granted.equals("ALL") ? "ALL capabilities" : "the " + granted + " capability";
  }

  /** The capability a runtime grants for a written name: upper case, without {@code CAP_}. */
  static String canonical(String written) {
    String upper = written.trim().toUpperCase(Locale.ROOT);
    return upper.startsWith("CAP_") ? upper.substring("CAP_".length()) : upper;
  }

  static Severity severity(String capability) {
    if (CRITICAL.contains(capability)) {
      return Severity.CRITICAL;
    }
    return HIGH.contains(capability) ? Severity.HIGH : Severity.MEDIUM;
  }
}
