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

/** PSS baseline "Host Namespaces" (hostNetwork): the node's interfaces and loopback. */
@AutoService(Rule.class)
public final class HostNetworkRule implements Rule {
  private static final RuleMetadata METADATA =
      RuleMetadata.baseline(
          "host-network",
          "Host network namespace",
          Severity.HIGH,
          List.of("T1611"),
          "A pod with hostNetwork uses the node's network stack: it bypasses NetworkPolicy, can"
              + " sniff node traffic, binds ports on the node's addresses and reaches services that"
              + " listen only on the node's loopback, such as the kubelet's or the container"
              + " runtime's local endpoints and cloud metadata services.",
          "Remove spec.hostNetwork or set it to false. Expose the workload through a Service, and"
              + " reserve host networking for audited node agents in a dedicated namespace.");

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Evidence> evaluate(Workload workload, RuleContext context) {
    return PodFlags.whenTrue(
        workload,
        PodSpec::getHostNetwork,
        "hostNetwork",
        Severity.HIGH,
        "The pod uses the host's network namespace, so it bypasses NetworkPolicy and reaches"
            + " services bound to the node's loopback.");
  }
}
