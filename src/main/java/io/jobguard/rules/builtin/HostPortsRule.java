package io.jobguard.rules.builtin;

import com.google.auto.service.AutoService;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.jobguard.model.ContainerView;
import io.jobguard.model.Workload;
import io.jobguard.rules.Evidence;
import io.jobguard.rules.Rule;
import io.jobguard.rules.RuleContext;
import io.jobguard.rules.RuleMetadata;
import io.jobguard.rules.Severity;
import java.util.ArrayList;
import java.util.List;

/** PSS baseline "HostPorts": any hostPort other than 0 (0 means "none"). */
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
    List<Evidence> found = new ArrayList<>();
    for (ContainerView c : workload.podSpec().containers()) {
      List<ContainerPort> ports = c.container().getPorts();
      for (int i = 0; ports != null && i < ports.size(); i++) {
        Integer hostPort = ports.get(i) == null ? null : ports.get(i).getHostPort();
        if (hostPort != null && hostPort != 0) {
          found.add(
              Evidence.of(
                  c.name(),
                  c.field("ports[" + i + "].hostPort"),
                  String.valueOf(hostPort),
                  Severity.MEDIUM,
                  ContainerDescription.of(c)
                      + " publishes port "
                      + hostPort
                      + " on the node's own network addresses."));
        }
      }
    }
    return found;
  }
}
