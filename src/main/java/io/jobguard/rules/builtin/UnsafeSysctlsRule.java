package io.jobguard.rules.builtin;

import com.google.auto.service.AutoService;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.Sysctl;
import io.jobguard.model.PodSpecView;
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
 * PSS baseline "Sysctls": only sysctls that are namespaced and isolated from other pods. The list
 * is Pod Security admission's newest (policy v1.37); sysctls exist only at pod level.
 */
@AutoService(Rule.class)
public final class UnsafeSysctlsRule implements Rule {
  static final Set<String> SAFE =
      Set.of(
          "kernel.shm_rmid_forced",
          "net.ipv4.ip_local_port_range",
          "net.ipv4.tcp_syncookies",
          "net.ipv4.ping_group_range",
          "net.ipv4.ip_unprivileged_port_start",
          // policy v1.27
          "net.ipv4.ip_local_reserved_ports",
          // policy v1.29
          "net.ipv4.tcp_keepalive_time",
          "net.ipv4.tcp_fin_timeout",
          "net.ipv4.tcp_keepalive_intvl",
          "net.ipv4.tcp_keepalive_probes",
          // policy v1.32
          "net.ipv4.tcp_rmem",
          "net.ipv4.tcp_wmem",
          // policy v1.37
          "net.ipv4.tcp_slow_start_after_idle",
          "net.ipv4.tcp_notsent_lowat");

  private static final RuleMetadata METADATA =
      RuleMetadata.baseline(
          "unsafe-sysctls",
          "Unsafe sysctl",
          Severity.MEDIUM,
          List.of(),
          "Kernel parameters set through spec.securityContext.sysctls apply to the pod's"
              + " namespaces, but outside a small safe set they are either shared with the node or"
              + " let one pod exhaust kernel resources for everyone (kernel.msgmax, vm.*,"
              + " net.core.*), or weaken a security mechanism. Pod Security baseline allows only the"
              + " safe set.",
          "Remove the sysctl from spec.securityContext.sysctls. If the node truly needs the"
              + " setting, configure it on the node, or allow it on dedicated, tainted nodes through"
              + " the kubelet's --allowed-unsafe-sysctls.");

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Evidence> evaluate(Workload workload, RuleContext context) {
    PodSpecView pod = workload.podSpec();
    PodSecurityContext podContext = pod.spec().getSecurityContext();
    List<Sysctl> sysctls = podContext == null ? null : podContext.getSysctls();
    List<Evidence> found = new ArrayList<>();
    for (int i = 0; sysctls != null && i < sysctls.size(); i++) {
      String name = sysctls.get(i) == null ? null : sysctls.get(i).getName();
      String value = name == null ? "" : name;
      if (!SAFE.contains(value)) {
        found.add(
            Evidence.of(
                null,
                pod.field("securityContext.sysctls[" + i + "].name"),
                value,
                Severity.MEDIUM,
                "The pod sets sysctl '"
                    + value
                    + "', which is outside the Pod Security safe set."));
      }
    }
    return found;
  }
}
