package io.jobguard.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads one parsed manifest object (a JSON tree) into a {@link Workload}. Objects that carry no pod
 * template are not workloads and yield empty; a workload whose fields have the wrong type is an
 * error naming the field.
 */
public final class WorkloadReader {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private WorkloadReader() {}

  /** The typed object for a workload manifest, or empty for any other kind. */
  public static Optional<HasMetadata> toTyped(JsonNode object) throws ManifestException {
    if (object == null || !object.isObject()) {
      throw new ManifestException(null, "a manifest must be a mapping (object)", null);
    }
    String apiVersion = text(object, "apiVersion");
    String kind = text(object, "kind");
    if (kind == null || kind.isBlank()) {
      throw new ManifestException("kind", "missing 'kind'", null);
    }
    if (apiVersion == null || apiVersion.isBlank()) {
      throw new ManifestException("apiVersion", "missing 'apiVersion' for kind " + kind, null);
    }
    if (WorkloadKind.isUnknownVersionOfKnownKind(apiVersion, kind)) {
      throw new ManifestException(
          "apiVersion", "'" + apiVersion + "' is not an API version that serves " + kind, null);
    }
    Optional<WorkloadKind> workloadKind = WorkloadKind.of(apiVersion, kind);
    if (workloadKind.isEmpty()) {
      return Optional.empty();
    }
    if (!object.path("metadata").isObject()) {
      throw new ManifestException("metadata", "missing 'metadata' on " + kind, null);
    }
    try {
      return Optional.of(MAPPER.treeToValue(object, workloadKind.get().type()));
    } catch (JsonMappingException e) {
      String field = fieldPath(e);
      throw new ManifestException(field, "field '" + field + "': " + e.getOriginalMessage(), e);
    } catch (JsonProcessingException e) {
      throw new ManifestException(null, e.getOriginalMessage(), e);
    }
  }

  /** The workload for a manifest object, or empty when it carries no pod template. */
  public static Optional<Workload> read(JsonNode object) throws ManifestException {
    Optional<HasMetadata> typed = toTyped(object);
    return typed.isEmpty() ? Optional.empty() : WorkloadFactory.from(typed.get());
  }

  private static String text(JsonNode object, String field) {
    JsonNode value = object.get(field);
    return value == null || !value.isTextual() ? null : value.asText();
  }

  private static String fieldPath(JsonMappingException e) {
    return e.getPath().stream()
        .map(
            ref ->
                ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining())
        .replaceFirst("^\\.", "");
  }
}
