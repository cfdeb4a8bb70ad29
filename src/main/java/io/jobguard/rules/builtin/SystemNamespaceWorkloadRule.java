package io.jobguard.rules.builtin;

import com.google.auto.service.AutoService;
import io.jobguard.model.Workload;
import io.jobguard.rules.Evidence;
import io.jobguard.rules.Rule;
import io.jobguard.rules.RuleContext;
import io.jobguard.rules.RuleMetadata;
import io.jobguard.rules.Severity;
import java.util.List;
import java.util.Set;

/**
 * A CronJob, Job or bare Pod in a namespace that belongs to Kubernetes itself, where people expect
 * only cluster components and rarely look (T1036, masquerading).
 */
@AutoService(Rule.class)
public final class SystemNamespaceWorkloadRule implements Rule {
  static final Set<String> SYSTEM_NAMESPACES =
      Set.of("kube-system", "kube-public", "kube-node-lease");

  private static final RuleMetadata METADATA =
      RuleMetadata.baseline(
          "system-namespace-workload",
          "Job or bare Pod in a system namespace",
          Severity.MEDIUM,
          List.of("T1053.007", "T1036"),
          "A CronJob, Job or Pod without a controlling owner was created in kube-system,"
              + " kube-public or kube-node-lease. Cluster components there run as Deployments,"
              + " DaemonSets or static pods; a scheduled or one-off workload blends in with them,"
              + " often runs under powerful service accounts, and escapes the policies that apply"
              + " to application namespaces.",
          "Run the workload in a namespace of its own with the least privileges it needs. If a"
              + " cluster component really needs it there, record that in a policy exception with"
              + " the reason.");

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Evidence> evaluate(Workload workload, RuleContext context) {
    if (!SYSTEM_NAMESPACES.contains(workload.namespace()) || !isJobOrBarePod(workload)) {
      return List.of();
    }
    return List.of(
        Evidence.of(
            null,
            "metadata.namespace",
            workload.namespace(),
            Severity.MEDIUM,
            "The "
                + workload.kind()
                + " runs in the system namespace "
                + workload.namespace()
                + "."));
  }

  /**
   * Pods created by a controller (including static pods, whose mirror pods a Node controls) are
   * judged through their controller; only a Pod that nothing controls was placed there by hand.
   */
  private static boolean isJobOrBarePod(Workload workload) {
    if (workload.isKind("CronJob") || workload.isKind("Job")) {
      return true;
    }
    return workload.isKind("Pod")
        && workload.ownerReferences().stream()
            .noneMatch(owner -> Boolean.TRUE.equals(owner.getController()));
  }
}
