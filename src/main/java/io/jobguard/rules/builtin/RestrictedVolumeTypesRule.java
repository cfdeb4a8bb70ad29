package io.jobguard.rules.builtin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.auto.service.AutoService;
import io.fabric8.kubernetes.api.model.Volume;
import io.jobguard.model.VolumeView;
import io.jobguard.model.Workload;
import io.jobguard.rules.Evidence;
import io.jobguard.rules.Rule;
import io.jobguard.rules.RuleContext;
import io.jobguard.rules.RuleMetadata;
import io.jobguard.rules.Severity;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * PSS restricted "Volume Types": only the nine volume sources that cannot reach node or network
 * storage on the pod's own authority.
 */
@AutoService(Rule.class)
public final class RestrictedVolumeTypesRule implements Rule {
  static final Set<String> ALLOWED_TYPES =
      Set.of(
          "configMap",
          "csi",
          "downwardAPI",
          "emptyDir",
          "ephemeral",
          "image",
          "persistentVolumeClaim",
          "projected",
          "secret");

  /**
   * The model's volume sources with their getters, found once by Jackson's introspection (as it
   * would serialise them): converting every volume to a map cost a quarter of the whole catalogue.
   */
  private static final List<VolumeSource> SOURCES = volumeSources();

  private static final RuleMetadata METADATA =
      RuleMetadata.restricted(
          "restricted-volume-types",
          "Volume type outside the restricted set",
          Severity.LOW,
          "A volume uses a source other than configMap, csi, downwardAPI, emptyDir, ephemeral,"
              + " image, persistentVolumeClaim, projected or secret. The others (hostPath, nfs,"
              + " iscsi, rbd, gitRepo and the in-tree cloud disks) let the pod itself reach node"
              + " paths or network storage, bypassing the cluster's storage classes and their"
              + " access control. The Pod Security Standards restricted profile allows only the"
              + " nine listed types.",
          "Use a persistentVolumeClaim (with a storage class or a pre-provisioned volume) for"
              + " storage, and configMap, secret, projected or emptyDir volumes for configuration"
              + " and scratch space.");

  private static List<VolumeSource> volumeSources() {
    ObjectMapper json = new ObjectMapper();
    return json
        .getSerializationConfig()
        .introspect(json.constructType(Volume.class))
        .findProperties()
        .stream()
        .filter(p -> p.hasGetter() && !p.getName().equals("name"))
        .map(p -> new VolumeSource(p.getName(), p.getGetter().getAnnotated()))
        .toList();
  }

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Evidence> evaluate(Workload workload, RuleContext context) {
    List<Evidence> found = new ArrayList<>();
    for (VolumeView v : workload.podSpec().volumes()) {
      disallowedSource(v.volume())
          .ifPresent(
              type ->
                  found.add(
                      Evidence.of(
                          v.firstContainerName(),
                          v.field(type),
                          type,
                          Severity.LOW,
                          "Volume '"
                              + v.name()
                              + "' is of type "
                              + type
                              + ", which the restricted profile does not allow.")));
    }
    return found;
  }

  /**
   * The volume source outside the allowed set: every typed source of the model with a value, and
   * every field the model does not know (kept as additional properties), so that volume types newer
   * than the model classes count too. A volume without any source is allowed: the API server
   * defaults it to an emptyDir.
   */
  static Optional<String> disallowedSource(Volume volume) {
    String first = null;
    for (VolumeSource source : SOURCES) {
      if (source.presentIn(volume) && !ALLOWED_TYPES.contains(source.name())) {
        first = earlier(first, source.name());
      }
    }
    for (Map.Entry<String, Object> unknown : volume.getAdditionalProperties().entrySet()) {
      if (unknown.getValue() != null && !ALLOWED_TYPES.contains(unknown.getKey())) {
        first = earlier(first, unknown.getKey());
      }
    }
    return Optional.ofNullable(first);
  }

  private static String earlier(String first, String type) {
    return first == null || type.compareTo(first) < 0 ? type : first;
  }

  /** One typed volume source of the model: its JSON name and getter. */
  private record VolumeSource(String name, Method getter) {
    boolean presentIn(Volume volume) {
      try {
        return getter.invoke(volume) != null;
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot read " + name + " of a volume", e);
      }
    }
  }
}
