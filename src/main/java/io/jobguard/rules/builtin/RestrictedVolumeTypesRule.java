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

  private static final ObjectMapper JSON = new ObjectMapper();

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
   * The volume source outside the allowed set, read from the serialised form so that every type
   * counts, including ones newer than the model classes. A volume without any source is allowed:
   * the API server defaults it to an emptyDir.
   */
  @SuppressWarnings("unchecked")
  private static Optional<String> disallowedSource(Volume volume) {
    Map<String, Object> fields = JSON.convertValue(volume, Map.class);
    return fields.entrySet().stream()
        .filter(e -> !e.getKey().equals("name") && e.getValue() != null)
        .map(Map.Entry::getKey)
        .filter(type -> !ALLOWED_TYPES.contains(type))
        .sorted()
        .findFirst();
  }
}
