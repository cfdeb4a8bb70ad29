package io.jobguard.rules.builtin;

import io.fabric8.kubernetes.api.model.NodeAffinity;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.fabric8.kubernetes.api.model.PreferredSchedulingTerm;
import io.jobguard.model.PodSpecView;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Node affinity expressions of a pod spec, required and preferred, with their field paths. */
final class NodeAffinityTerms {
  private static final String NODE_AFFINITY = "affinity.nodeAffinity.";

  /** An expression that matched, where it sits, and whether the scheduler must or may honour it. */
  record Match(String field, String strength, NodeSelectorRequirement requirement) {}

  private NodeAffinityTerms() {}

  /** Every expression on one of {@code keys} whose operator is one of {@code operators}. */
  static List<Match> selecting(PodSpecView pod, Set<String> keys, Set<String> operators) {
    NodeAffinity affinity =
        pod.spec().getAffinity() == null ? null : pod.spec().getAffinity().getNodeAffinity();
    if (affinity == null) {
      return List.of();
    }
    List<Match> found = new ArrayList<>();
    if (affinity.getRequiredDuringSchedulingIgnoredDuringExecution() != null) {
      List<NodeSelectorTerm> terms =
          affinity.getRequiredDuringSchedulingIgnoredDuringExecution().getNodeSelectorTerms();
      for (int i = 0; terms != null && i < terms.size(); i++) {
        String path =
            pod.field(
                NODE_AFFINITY
                    + "requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms["
                    + i
                    + "]");
        collect(found, path, "required", terms.get(i), keys, operators);
      }
    }
    List<PreferredSchedulingTerm> preferred =
        affinity.getPreferredDuringSchedulingIgnoredDuringExecution();
    for (int i = 0; preferred != null && i < preferred.size(); i++) {
      String path =
          pod.field(
              NODE_AFFINITY
                  + "preferredDuringSchedulingIgnoredDuringExecution["
                  + i
                  + "].preference");
      PreferredSchedulingTerm term = preferred.get(i);
      collect(
          found, path, "preferred", term == null ? null : term.getPreference(), keys, operators);
    }
    return found;
  }

  private static void collect(
      List<Match> found,
      String termPath,
      String strength,
      NodeSelectorTerm term,
      Set<String> keys,
      Set<String> operators) {
    if (term == null || term.getMatchExpressions() == null) {
      return;
    }
    List<NodeSelectorRequirement> expressions = term.getMatchExpressions();
    for (int j = 0; j < expressions.size(); j++) {
      NodeSelectorRequirement r = expressions.get(j);
      if (r != null
          && r.getKey() != null
          && r.getOperator() != null
          && keys.contains(r.getKey())
          && operators.contains(r.getOperator())) {
        found.add(new Match(termPath + ".matchExpressions[" + j + "]", strength, r));
      }
    }
  }
}
