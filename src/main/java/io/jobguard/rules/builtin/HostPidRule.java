package io.jobguard.rules.builtin;

import com.google.auto.service.AutoService;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.jobguard.model.Workload;
import io.jobguard.rules.Evidence;
import io.jobguard.rules.Rule;
import io.jobguard.rules.RuleContext;
import io.jobguard.rules.RuleMetadata;
import io.jobguard.rules.Severity;
import java.util.List;

/** PSS baseline "Host Namespaces" (hostPID): the pod sees every process of the node. */
@AutoService(Rule.class)
public final class HostPidRule implements Rule {
  private static final RuleMetadata METADATA =
      RuleMetadata.baseline(
          "host-pid",
          "Host PID namespace",
          Severity.HIGH,
          List.of("T1611"),
          "A pod with hostPID shares the node's process ID namespace: its containers list every"
              + " process on the node, read their environment and command lines (tokens, passwords),"
              + " and with enough privilege enter PID 1's namespaces with nsenter, which is a"
              + " complete escape to the host.",
          "Remove spec.hostPID or set it to false. Debug node processes with a short-lived"
              + " kubectl debug node session instead of a workload that keeps the access.");

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Evidence> evaluate(Workload workload, RuleContext context) {
    return PodFlags.whenTrue(
        workload,
        PodSpec::getHostPID,
        "hostPID",
        Severity.HIGH,
        "The pod shares the host's process ID namespace, so its containers can see and signal"
            + " every process on the node.");
  }
}
