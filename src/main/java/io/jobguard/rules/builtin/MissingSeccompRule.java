package io.jobguard.rules.builtin;

import com.google.auto.service.AutoService;
import io.fabric8.kubernetes.api.model.SeccompProfile;
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
import java.util.Set;

/**
 * PSS restricted "Seccomp": every container needs a RuntimeDefault or Localhost profile, set on it
 * or inherited from the pod.
 */
@AutoService(Rule.class)
public final class MissingSeccompRule implements Rule {
  private static final Set<String> CONFINING_TYPES = Set.of("RuntimeDefault", "Localhost");

  private static final RuleMetadata METADATA =
      RuleMetadata.restricted(
          "missing-seccomp",
          "No confining seccomp profile",
          Severity.LOW,
          "A container runs without a seccomp profile of type RuntimeDefault or Localhost,"
              + " neither its own nor inherited from the pod. Without one, every system call is"
              + " open to it, including those most kernel exploits and container escapes rely on."
              + " The Pod Security Standards restricted profile requires it; Windows pods"
              + " (spec.os.name: windows) are exempt.",
          "Set securityContext.seccompProfile.type: RuntimeDefault on the pod (containers inherit"
              + " it), or a Localhost profile where the workload needs a tailored one.");

  private static final String SECCOMP_TYPE = "securityContext.seccompProfile.type";

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Evidence> evaluate(Workload workload, RuleContext context) {
    PodSpecView pod = workload.podSpec();
    if (pod.isWindows()) {
      return List.of();
    }
    List<Evidence> found = new ArrayList<>();
    SeccompProfile podProfile =
        pod.spec().getSecurityContext() == null
            ? null
            : pod.spec().getSecurityContext().getSeccompProfile();
    boolean podConfined = podProfile != null && isConfining(podProfile);
    if (podProfile != null && !podConfined) {
      found.add(
          evidence(
              null,
              pod.field("securityContext.seccompProfile.type"),
              podProfile.getType(),
              "The pod's seccomp profile type is " + describe(podProfile) + "."));
    }
    for (ContainerView c : pod.containers()) {
      SeccompProfile profile =
          c.container().getSecurityContext() == null
              ? null
              : c.container().getSecurityContext().getSeccompProfile();
      if (profile != null && !isConfining(profile)) {
        found.add(
            evidence(
                c.name(),
                c.field(SECCOMP_TYPE),
                profile.getType(),
                "Container '"
                    + c.name()
                    + "' has the seccomp profile type "
                    + describe(profile)
                    + "."));
      } else if (profile == null && !podConfined) {
        found.add(
            evidence(
                c.name(),
                c.field(SECCOMP_TYPE),
                null,
                "Neither container '"
                    + c.name()
                    + "' nor its pod sets a RuntimeDefault or"
                    + " Localhost seccomp profile."));
      }
    }
    return found;
  }

  private static boolean isConfining(SeccompProfile profile) {
    return profile.getType() != null && CONFINING_TYPES.contains(profile.getType());
  }

  private static String describe(SeccompProfile profile) {
    return profile.getType() == null ? "unset" : profile.getType();
  }

  private static Evidence evidence(String container, String field, String value, String message) {
    return Evidence.of(container, field, value, Severity.LOW, message);
  }
}
