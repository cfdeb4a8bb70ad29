package io.jobguard.rules.builtin;

import com.google.auto.service.AutoService;
import io.fabric8.kubernetes.api.model.AppArmorProfile;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContext;
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
import java.util.TreeMap;

/**
 * PSS baseline "AppArmor": the securityContext field may only say RuntimeDefault or Localhost, and
 * the deprecated per-container annotation only {@code runtime/default} or {@code localhost/*}. Both
 * channels are judged, as Pod Security admission does, because the annotation still takes effect.
 */
@AutoService(Rule.class)
public final class UnconfinedApparmorRule implements Rule {
  static final String ANNOTATION_PREFIX = "container.apparmor.security.beta.kubernetes.io/";
  private static final Set<String> ALLOWED_TYPES = Set.of("RuntimeDefault", "Localhost");

  private static final RuleMetadata METADATA =
      RuleMetadata.baseline(
          "unconfined-apparmor",
          "AppArmor disabled",
          Severity.MEDIUM,
          List.of(),
          "On nodes with AppArmor, the runtime's default profile stops a container from mounting"
              + " file systems, writing to /proc and /sys kernel files and other steps of known"
              + " escapes. An AppArmor profile of type Unconfined, or the legacy annotation"
              + " container.apparmor.security.beta.kubernetes.io/<container> set to unconfined,"
              + " removes that layer.",
          "Remove the Unconfined AppArmor profile and the legacy annotation, or set"
              + " securityContext.appArmorProfile.type to RuntimeDefault or to Localhost with a"
              + " profile loaded on the nodes.");

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Evidence> evaluate(Workload workload, RuleContext context) {
    PodSpecView pod = workload.podSpec();
    List<Evidence> found = new ArrayList<>(0);
    for (SecuritySetting<AppArmorProfile> setting :
        SecurityContexts.everywhere(
            pod,
            "appArmorProfile",
            PodSecurityContext::getAppArmorProfile,
            SecurityContext::getAppArmorProfile)) {
      // A profile without a type (the API server requires one) is no allowed profile either;
      // Set.of(...).contains(null) would throw and the engine would drop the whole rule.
      String type = setting.value().getType();
      if (type == null || !ALLOWED_TYPES.contains(type)) {
        found.add(fieldEvidence(setting));
      }
    }
    // Sorted, so evidence order does not depend on the manifest's map order.
    TreeMap<String, String> legacy = new TreeMap<>();
    for (Map.Entry<String, String> e : pod.podAnnotations().entrySet()) {
      if (e.getKey().startsWith(ANNOTATION_PREFIX) && !allowedAnnotationValue(e.getValue())) {
        legacy.put(e.getKey(), e.getValue());
      }
    }
    for (Map.Entry<String, String> e : legacy.entrySet()) {
      found.add(annotationEvidence(pod, e));
    }
    return found;
  }

  private static boolean allowedAnnotationValue(String value) {
    return value == null
        || value.isEmpty()
        || value.equals("runtime/default")
        || value.startsWith("localhost/");
  }

  private static Evidence fieldEvidence(SecuritySetting<AppArmorProfile> setting) {
    String type = setting.value().getType() == null ? "" : setting.value().getType();
    String message =
        "Unconfined".equals(type)
            ? setting.owner() + " runs without AppArmor confinement (profile type Unconfined)."
            : setting.owner()
                + " sets AppArmor profile type '"
                + type
                + "', which is neither RuntimeDefault nor Localhost.";
    return Evidence.of(setting.container(), setting.field("type"), type, Severity.MEDIUM, message);
  }

  private static Evidence annotationEvidence(PodSpecView pod, Map.Entry<String, String> e) {
    String container = e.getKey().substring(ANNOTATION_PREFIX.length());
    // The annotation may name a container that does not exist; the message still names it.
    String owner =
        pod.containers().stream()
            .filter(c -> container.equals(c.name()))
            .findFirst()
            .map(ContainerDescription::of)
            .orElse("Container '" + container + "'");
    return Evidence.of(
        container,
        pod.metadataPath() + ".annotations[" + e.getKey() + "]",
        e.getValue(),
        Severity.MEDIUM,
        owner
            + " gets AppArmor profile '"
            + e.getValue()
            + "' from the legacy annotation; only runtime/default and localhost/<profile> keep it"
            + " confined.");
  }
}
