package io.jobguard.rules.builtin;

import com.google.auto.service.AutoService;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.SeccompProfile;
import io.fabric8.kubernetes.api.model.SecurityContext;
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
 * PSS baseline "Seccomp": a profile, where one is set, must be RuntimeDefault or Localhost. Like
 * Pod Security admission from policy v1.19 on, only the securityContext field is judged: the alpha
 * annotations are no longer honoured by the kubelet.
 */
@AutoService(Rule.class)
public final class UnconfinedSeccompRule implements Rule {
  private static final Set<String> ALLOWED = Set.of("RuntimeDefault", "Localhost");

  private static final RuleMetadata METADATA =
      RuleMetadata.baseline(
          "unconfined-seccomp",
          "Seccomp disabled",
          Severity.MEDIUM,
          List.of(),
          "A seccomp profile of type Unconfined turns off system-call filtering for the container,"
              + " leaving it the whole kernel attack surface: unshare, keyctl, bpf, userfaultfd and"
              + " the other calls most container escapes through kernel bugs start from.",
          "Set securityContext.seccompProfile.type to RuntimeDefault (at pod level to cover every"
              + " container), or to Localhost with a profile that allows what the workload needs.");

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Evidence> evaluate(Workload workload, RuleContext context) {
    List<Evidence> found = new ArrayList<>(0);
    for (SecuritySetting<SeccompProfile> setting :
        SecurityContexts.everywhere(
            workload.podSpec(),
            "seccompProfile",
            PodSecurityContext::getSeccompProfile,
            SecurityContext::getSeccompProfile)) {
      // A profile without a type (the API server requires one) is no allowed profile either;
      // Set.of(...).contains(null) would throw and the engine would drop the whole rule.
      String type = setting.value().getType();
      if (type == null || !ALLOWED.contains(type)) {
        found.add(evidence(setting));
      }
    }
    return found;
  }

  private static Evidence evidence(SecuritySetting<SeccompProfile> setting) {
    String type = setting.value().getType() == null ? "" : setting.value().getType();
    String message =
        "Unconfined".equals(type)
            ? setting.owner() + " disables seccomp system-call filtering (profile type Unconfined)."
            : setting.owner()
                + " sets seccomp profile type '"
                + type
                + "', which is neither RuntimeDefault nor Localhost.";
    return Evidence.of(setting.container(), setting.field("type"), type, Severity.MEDIUM, message);
  }
}
