package io.jobguard.rules.builtin;

import com.google.auto.service.AutoService;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.Toleration;
import io.jobguard.model.PodSpecView;
import io.jobguard.model.Workload;
import io.jobguard.rules.Evidence;
import io.jobguard.rules.Rule;
import io.jobguard.rules.RuleContext;
import io.jobguard.rules.RuleMetadata;
import io.jobguard.rules.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A pod that asks to run on a control-plane node, or on one chosen node: there it can read etcd
 * certificates, static pod manifests and the kubelet's credentials once it escapes.
 */
@AutoService(Rule.class)
public final class ControlPlaneTargetingRule implements Rule {
  /** The labels and taint keys kubeadm (and most distributions) put on control-plane nodes. */
  static final Set<String> CONTROL_PLANE_KEYS =
      Set.of("node-role.kubernetes.io/control-plane", "node-role.kubernetes.io/master");

  private static final Set<String> SELECTING_OPERATORS = Set.of("In", "Exists");

  private static final RuleMetadata METADATA =
      RuleMetadata.baseline(
          "control-plane-targeting",
          "Pod targets control-plane nodes",
          Severity.MEDIUM,
          List.of("T1053.007"),
          "The pod names its node directly (nodeName, which bypasses the scheduler and its"
              + " taints), selects control-plane or master nodes through a node selector or node"
              + " affinity, or tolerates the control-plane taint or every taint. Ordinary jobs have"
              + " no reason to run on control-plane nodes, where a container that escapes finds"
              + " etcd client certificates, static pod manifests and cluster-admin credentials.",
          "Let the scheduler place the pod on worker nodes: remove nodeName, node selectors and"
              + " affinities on control-plane labels, and tolerations of the control-plane taint"
              + " or of every taint. Cluster components that must run there belong in a policy"
              + " exception with the reason.");

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Evidence> evaluate(Workload workload, RuleContext context) {
    PodSpecView pod = workload.podSpec();
    List<Evidence> found = new ArrayList<>(nodeName(pod));
    found.addAll(nodeSelector(pod));
    for (NodeAffinityTerms.Match match :
        NodeAffinityTerms.selecting(pod, CONTROL_PLANE_KEYS, SELECTING_OPERATORS)) {
      found.add(affinityEvidence(match));
    }
    found.addAll(tolerations(pod));
    return found;
  }

  private static List<Evidence> nodeName(PodSpecView pod) {
    String node = pod.spec().getNodeName();
    if (node == null || node.isBlank()) {
      return List.of();
    }
    return List.of(
        evidence(
            pod.field("nodeName"),
            node,
            "The pod is bound to node '"
                + node
                + "' directly, bypassing the scheduler and the node's taints."));
  }

  private static List<Evidence> nodeSelector(PodSpecView pod) {
    Map<String, String> selector = pod.spec().getNodeSelector();
    if (selector == null) {
      return List.of();
    }
    // sorted, so evidence order does not depend on the manifest's map order
    TreeSet<String> keys = new TreeSet<>();
    for (String key : selector.keySet()) {
      if (key != null && CONTROL_PLANE_KEYS.contains(key)) {
        keys.add(key);
      }
    }
    List<Evidence> found = new ArrayList<>(keys.size());
    for (String key : keys) {
      found.add(
          evidence(
              pod.field("nodeSelector[" + key + "]"),
              key,
              "The node selector picks control-plane nodes by the label " + key + "."));
    }
    return found;
  }

  private static Evidence affinityEvidence(NodeAffinityTerms.Match match) {
    NodeSelectorRequirement requirement = match.requirement();
    return evidence(
        match.field(),
        requirement.getKey() + " " + requirement.getOperator(),
        "A "
            + match.strength()
            + " node affinity picks control-plane nodes by the label "
            + requirement.getKey()
            + ".");
  }

  private static List<Evidence> tolerations(PodSpecView pod) {
    List<Toleration> tolerations = pod.spec().getTolerations();
    List<Evidence> found = new ArrayList<>();
    for (int i = 0; tolerations != null && i < tolerations.size(); i++) {
      Toleration t = tolerations.get(i);
      if (t == null) {
        continue;
      }
      if (t.getKey() != null && CONTROL_PLANE_KEYS.contains(t.getKey())) {
        found.add(
            evidence(
                pod.field("tolerations[" + i + "].key"),
                t.getKey(),
                "The pod tolerates the "
                    + t.getKey()
                    + " taint that keeps workloads off"
                    + " control-plane nodes."));
      } else if (toleratesEveryNoScheduleTaint(t)) {
        found.add(
            evidence(
                pod.field("tolerations[" + i + "].operator"),
                "Exists",
                "The pod tolerates every taint, including the one that keeps workloads off"
                    + " control-plane nodes."));
      }
    }
    return found;
  }

  /** {@code operator: Exists} without a key matches every taint of its effect (all when unset). */
  private static boolean toleratesEveryNoScheduleTaint(Toleration t) {
    boolean noKey = t.getKey() == null || t.getKey().isEmpty();
    boolean effect =
        t.getEffect() == null || t.getEffect().isEmpty() || "NoSchedule".equals(t.getEffect());
    return noKey && "Exists".equals(t.getOperator()) && effect;
  }

  private static Evidence evidence(String field, String value, String message) {
    return Evidence.of(null, field, value, Severity.MEDIUM, message);
  }
}
