package io.jobguard.rules.builtin;

import com.google.auto.service.AutoService;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.Lifecycle;
import io.fabric8.kubernetes.api.model.LifecycleHandler;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.TCPSocketAction;
import io.jobguard.model.ContainerView;
import io.jobguard.model.Workload;
import io.jobguard.rules.Evidence;
import io.jobguard.rules.Rule;
import io.jobguard.rules.RuleContext;
import io.jobguard.rules.RuleMetadata;
import io.jobguard.rules.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * PSS baseline "Host Probes / Lifecycle Hooks" (policy v1.34+): a probe or lifecycle handler must
 * not name a host. The kubelet, not the container, makes those requests, from the node's network.
 */
@AutoService(Rule.class)
public final class ProbeHostOverrideRule implements Rule {
  private static final RuleMetadata METADATA =
      RuleMetadata.baseline(
          "probe-host-override",
          "Probe or lifecycle handler targets another host",
          Severity.MEDIUM,
          List.of(),
          "The kubelet runs httpGet and tcpSocket probes and lifecycle hooks from the node. A host"
              + " field points those requests elsewhere: at the node's loopback services, cloud"
              + " metadata endpoints or other internal addresses a pod could not reach itself. It"
              + " turns the kubelet into a server-side request forgery proxy.",
          "Remove the host field from httpGet and tcpSocket probes and lifecycle handlers so the"
              + " kubelet targets the pod's own IP. Set an HTTP Host header in httpHeaders if the"
              + " application needs one.");

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Evidence> evaluate(Workload workload, RuleContext context) {
    List<Evidence> found = new ArrayList<>();
    for (ContainerView c : workload.podSpec().containers()) {
      Container container = c.container();
      probe(c, "livenessProbe", "liveness probe", container.getLivenessProbe(), found);
      probe(c, "readinessProbe", "readiness probe", container.getReadinessProbe(), found);
      probe(c, "startupProbe", "startup probe", container.getStartupProbe(), found);
      Lifecycle lifecycle = container.getLifecycle();
      if (lifecycle != null) {
        hook(c, "lifecycle.postStart", "postStart hook", lifecycle.getPostStart(), found);
        hook(c, "lifecycle.preStop", "preStop hook", lifecycle.getPreStop(), found);
      }
    }
    return found;
  }

  private static void probe(
      ContainerView c, String field, String label, Probe probe, List<Evidence> found) {
    if (probe != null) {
      check(c, field, label, probe.getHttpGet(), probe.getTcpSocket(), found);
    }
  }

  // tcpSocket is not a supported lifecycle action any more, but the API still stores it, so
  // Pod Security admission (and this rule) still judge its host.
  private static void hook(
      ContainerView c, String field, String label, LifecycleHandler hook, List<Evidence> found) {
    if (hook != null) {
      check(c, field, label, hook.getHttpGet(), hook.getTcpSocket(), found);
    }
  }

  private static void check(
      ContainerView c,
      String field,
      String label,
      HTTPGetAction http,
      TCPSocketAction tcp,
      List<Evidence> found) {
    if (http != null && isSet(http.getHost())) {
      found.add(evidence(c, field + ".httpGet.host", label + " httpGet", http.getHost()));
    }
    if (tcp != null && isSet(tcp.getHost())) {
      found.add(evidence(c, field + ".tcpSocket.host", label + " tcpSocket", tcp.getHost()));
    }
  }

  private static boolean isSet(String host) {
    return host != null && !host.isEmpty();
  }

  private static Evidence evidence(ContainerView c, String field, String action, String host) {
    return Evidence.of(
        c.name(),
        c.field(field),
        host,
        Severity.MEDIUM,
        ContainerDescription.of(c)
            + " points its "
            + action
            + " at host '"
            + host
            + "', which the kubelet contacts from the node instead of the pod.");
  }
}
