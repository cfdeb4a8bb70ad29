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
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

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
   * The model's volume sources outside the allowed set, sorted by name, with their getters: found
   * once by Jackson's introspection (as it would serialise them), so that a source a newer model
   * adds is read too. Converting every volume to a map cost a quarter of the whole catalogue, and a
   * reflective call per source still cost a tenth of it: each getter becomes a plain function.
   */
  private static final List<VolumeSource> DISALLOWED_SOURCES = disallowedSources();

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

  private static List<VolumeSource> disallowedSources() {
    ObjectMapper json = new ObjectMapper();
    MethodHandles.Lookup lookup = MethodHandles.lookup();
    return json
        .getSerializationConfig()
        .introspect(json.constructType(Volume.class))
        .findProperties()
        .stream()
        .filter(p -> p.hasGetter() && !p.getName().equals("name"))
        .filter(p -> !ALLOWED_TYPES.contains(p.getName()))
        .map(p -> new VolumeSource(p.getName(), getter(lookup, p.getGetter().getAnnotated())))
        .sorted(Comparator.comparing(VolumeSource::name))
        .toList();
  }

  @SuppressWarnings("unchecked")
  private static Function<Volume, Object> getter(MethodHandles.Lookup lookup, Method method) {
    try {
      MethodHandle handle = lookup.unreflect(method);
      return (Function<Volume, Object>)
          LambdaMetafactory.metafactory(
                  lookup,
                  "apply",
                  MethodType.methodType(Function.class),
                  MethodType.methodType(Object.class, Object.class),
                  handle,
                  MethodType.methodType(method.getReturnType(), Volume.class))
              .getTarget()
              .invoke();
    } catch (Throwable e) {
      throw new IllegalStateException("cannot read " + method.getName() + " of a volume", e);
    }
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
    for (VolumeSource source : DISALLOWED_SOURCES) {
      // sorted by name: the first present one is the earliest
      if (source.getter().apply(volume) != null) {
        first = source.name();
        break;
      }
    }
    Map<String, Object> unknown = volume.getAdditionalProperties();
    if (unknown != null && !unknown.isEmpty()) {
      for (Map.Entry<String, Object> entry : unknown.entrySet()) {
        if (entry.getValue() != null && !ALLOWED_TYPES.contains(entry.getKey())) {
          first = earlier(first, entry.getKey());
        }
      }
    }
    return Optional.ofNullable(first);
  }

  private static String earlier(String first, String type) {
    return first == null || type.compareTo(first) < 0 ? type : first;
  }

  /** One typed volume source of the model outside the allowed set: its JSON name and getter. */
  private record VolumeSource(String name, Function<Volume, Object> getter) {}
}
