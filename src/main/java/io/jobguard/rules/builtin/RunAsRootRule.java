package io.jobguard.rules.builtin;

import com.google.auto.service.AutoService;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.jobguard.model.ContainerView;
import io.jobguard.model.PodSpecView;
import io.jobguard.model.Workload;
import io.jobguard.rules.Evidence;
import io.jobguard.rules.Rule;
import io.jobguard.rules.RuleContext;
import io.jobguard.rules.RuleMetadata;
import io.jobguard.rules.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * PSS restricted "Running as Non-root" and "Running as Non-root user": runAsNonRoot must be true
 * for every container (set on it, or inherited from the pod), and no level may set runAsUser 0.
 */
@AutoService(Rule.class)
public final class RunAsRootRule implements Rule {
  private static final RuleMetadata METADATA =
      RuleMetadata.restricted(
          "run-as-root",
          "Container may run as root",
          Severity.LOW,
          "A container may run as root: runAsNonRoot is not true for it (neither on the"
              + " container nor inherited from the pod), or the pod or container sets runAsUser: 0."
              + " Root in a container is root on the node's files it can reach, which turns any"
              + " mount or escape into full host access. As in the Pod Security Standards, pods"
              + " in their own user namespace (hostUsers: false) are exempt, because their root is"
              + " unprivileged on the node.",
          "Set securityContext.runAsNonRoot: true on the pod (containers inherit it) and run as a"
              + " non-zero runAsUser; build the image with a non-root USER.");

  private static final String RUN_AS_NON_ROOT = "securityContext.runAsNonRoot";

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Evidence> evaluate(Workload workload, RuleContext context) {
    PodSpecView pod = workload.podSpec();
    if (pod.usesUserNamespace()) {
      return List.of();
    }
    List<Evidence> found = new ArrayList<>();
    PodSecurityContext psc = pod.spec().getSecurityContext();
    Boolean podNonRoot = psc == null ? null : psc.getRunAsNonRoot();
    if (Boolean.FALSE.equals(podNonRoot)) {
      found.add(
          evidence(
              null,
              pod.field("securityContext.runAsNonRoot"),
              "false",
              "The pod sets runAsNonRoot to false."));
    }
    if (psc != null && isRoot(psc.getRunAsUser())) {
      found.add(
          evidence(
              null, pod.field("securityContext.runAsUser"), "0", "The pod sets runAsUser to 0."));
    }
    for (ContainerView c : pod.containers()) {
      container(found, c, Boolean.TRUE.equals(podNonRoot));
    }
    return found;
  }

  private static void container(List<Evidence> found, ContainerView c, boolean podNonRoot) {
    SecurityContext sc = c.container().getSecurityContext();
    Boolean nonRoot = sc == null ? null : sc.getRunAsNonRoot();
    if (Boolean.FALSE.equals(nonRoot)) {
      found.add(
          evidence(
              c.name(),
              c.field(RUN_AS_NON_ROOT),
              "false",
              "Container '" + c.name() + "' sets runAsNonRoot to false."));
    } else if (nonRoot == null && !podNonRoot) {
      found.add(
          evidence(
              c.name(),
              c.field(RUN_AS_NON_ROOT),
              null,
              "Neither container '" + c.name() + "' nor its pod sets runAsNonRoot to true."));
    }
    if (sc != null && isRoot(sc.getRunAsUser())) {
      found.add(
          evidence(
              c.name(),
              c.field("securityContext.runAsUser"),
              "0",
              "Container '" + c.name() + "' sets runAsUser to 0."));
    }
  }

  private static boolean isRoot(Long user) {
    return user != null && user == 0L;
  }

  private static Evidence evidence(String container, String field, String value, String message) {
    return Evidence.of(container, field, value, Severity.LOW, message);
  }
}
