package io.jobguard.rules.builtin;

import com.google.auto.service.AutoService;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.jobguard.model.ContainerType;
import io.jobguard.model.ContainerView;
import io.jobguard.model.Workload;
import io.jobguard.rules.Evidence;
import io.jobguard.rules.Rule;
import io.jobguard.rules.RuleContext;
import io.jobguard.rules.RuleMetadata;
import io.jobguard.rules.Severity;
import java.util.ArrayList;
import java.util.List;

/** PSS baseline "HostPorts": any hostPort other than 0 (0 means "none"), after API defaulting. */
@AutoService(Rule.class)
public final class HostPortsRule implements Rule {
  private static final RuleMetadata METADATA =
      RuleMetadata.baseline(
          "host-ports",
          "Host port",
          Severity.MEDIUM,
          List.of(),
          "A container port with a hostPort is published on the node's own network addresses:"
              + " it bypasses Services and most NetworkPolicy implementations, exposes the workload"
              + " to anything that can reach the node, and can shadow or hijack a port a node"
              + " service expects to own.",
          "Remove ports[].hostPort (or set it to 0) and expose the workload through a Service of"
              + " type ClusterIP, NodePort or LoadBalancer instead.");

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Evidence> evaluate(Workload workload, RuleContext context) {
    boolean hostNetwork = Boolean.TRUE.equals(workload.podSpec().spec().getHostNetwork());
    List<Evidence> found = new ArrayList<>();
    for (ContainerView c : workload.podSpec().containers()) {
      List<ContainerPort> ports = c.container().getPorts();
      for (int i = 0; ports != null && i < ports.size(); i++) {
        ContainerPort port = ports.get(i);
        int written = port == null || port.getHostPort() == null ? 0 : port.getHostPort();
        int effective = written != 0 ? written : defaultedHostPort(hostNetwork, c, port);
        if (effective != 0) {
          found.add(evidence(c, i, effective, written == 0));
        }
      }
    }
    return found;
  }

  /**
   * With hostNetwork the API server defaults every hostPort of containers and init containers to
   * the containerPort, so the live object (which the operator sees) carries it even when the
   * manifest does not; judging the manifest the same way keeps scan and operator in agreement.
   */
  private static int defaultedHostPort(boolean hostNetwork, ContainerView c, ContainerPort port) {
    if (!hostNetwork || c.type() == ContainerType.EPHEMERAL_CONTAINER || port == null) {
      return 0;
    }
    return port.getContainerPort() == null ? 0 : port.getContainerPort();
  }

  private static Evidence evidence(ContainerView c, int index, int hostPort, boolean defaulted) {
    return Evidence.of(
        c.name(),
        c.field("ports[" + index + "].hostPort"),
        String.valueOf(hostPort),
        Severity.MEDIUM,
        ContainerDescription.of(c)
            + " publishes port "
            + hostPort
            + " on the node's own network addresses"
            + (defaulted ? " (hostNetwork makes its containerPort a hostPort)." : "."));
  }
}
