package io.jobguard.api.v1alpha1;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders {@code docs/crds.md}: every field of every CRD, from the generated schemas. */
final class CrdReference {
  /* Fields of standard Kubernetes types (LabelSelector, Condition) carry no description. */
  private static final Map<String, String> STANDARD_FIELDS =
      Map.of(
          "selector.matchLabels", "Labels that must all be present with exactly these values.",
          "selector.matchExpressions", "Requirements that must all hold.",
          "matchExpressions[].key", "The label key.",
          "matchExpressions[].operator", "In, NotIn, Exists or DoesNotExist.",
          "matchExpressions[].values",
              "Values for In and NotIn; empty for Exists and DoesNotExist.",
          "conditions[].lastTransitionTime", "When the status last changed (RFC 3339).",
          "conditions[].message", "Details; when Valid is False, every bad field and why.",
          "conditions[].observedGeneration", "The generation the condition describes.",
          "conditions[].reason", "A one-word CamelCase reason.",
          "conditions[].status", "True, False or Unknown.");

  private static final Map<String, String> SUMMARIES =
      Map.of(
          "Finding",
          "One rule that fired on one subject (SPEC §5.1), in the subject's namespace. It has no"
              + " owner reference: evidence outlives a Job that deletes itself.",
          "DetectionPolicy",
          "Cluster-wide tuning (SPEC §5.2): profile, per-rule settings, allowed registries and"
              + " exceptions. The Helm chart installs one named `default`.");

  private final StringBuilder out = new StringBuilder();

  static String render(List<CustomResourceDefinition> crds) {
    CrdReference reference = new CrdReference();
    reference.intro();
    crds.forEach(reference::resource);
    return reference.out.toString();
  }

  private void intro() {
    out.append("# Custom resource reference\n\n")
        .append(
            "Generated from the CRD classes (the same schemas as `crds/`) by `CrdReferenceTest`; do not edit by hand. Regenerate")
        .append(" with `./mvnw -B test -Dtest='Crd*Test' -Djobguard.regenerate=true`.\n")
        .append("The same descriptions are served by the API server: `kubectl explain")
        .append(" findings.spec` or `kubectl explain detectionpolicies.spec.exceptions`.\n")
        .append("How policies are written and merged is explained in [policy.md](policy.md).\n");
  }

  private void resource(CustomResourceDefinition crd) {
    var names = crd.getSpec().getNames();
    CustomResourceDefinitionVersion version = crd.getSpec().getVersions().get(0);
    out.append("\n## ").append(names.getKind()).append("\n\n");
    out.append(SUMMARIES.getOrDefault(names.getKind(), "")).append("\n\n");
    out.append("- API: `")
        .append(crd.getSpec().getGroup())
        .append('/')
        .append(version.getName())
        .append("`, kind `")
        .append(names.getKind())
        .append("`, scope `")
        .append(crd.getSpec().getScope())
        .append("`\n");
    out.append("- Names: `")
        .append(names.getPlural())
        .append("`, short names ")
        .append(code(names.getShortNames()))
        .append(", categories ")
        .append(code(names.getCategories()))
        .append('\n');
    if (version.getSubresources() != null && version.getSubresources().getStatus() != null) {
      out.append("- `status` is a subresource: only the operator writes it.\n");
    }
    columns(version.getAdditionalPrinterColumns());
    out.append("\n| Field | Type | Description |\n|---|---|---|\n");
    JSONSchemaProps root = version.getSchema().getOpenAPIV3Schema();
    for (String top : List.of("spec", "status")) {
      JSONSchemaProps schema = root.getProperties().get(top);
      if (schema != null) {
        fields(top, schema);
      }
    }
  }

  private void columns(List<CustomResourceColumnDefinition> columns) {
    if (columns != null && !columns.isEmpty()) {
      out.append("- `kubectl get` columns: ")
          .append(
              columns.stream()
                  .map(c -> "`" + c.getName().toUpperCase(java.util.Locale.ROOT) + "`")
                  .collect(Collectors.joining(", ")))
          .append('\n');
    }
  }

  private void fields(String path, JSONSchemaProps schema) {
    if (schema.getProperties() == null) {
      return;
    }
    List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
    for (Map.Entry<String, JSONSchemaProps> field : schema.getProperties().entrySet()) {
      String fieldPath = path + "." + field.getKey();
      JSONSchemaProps props = field.getValue();
      row(fieldPath, props, required.contains(field.getKey()));
      JSONSchemaProps element =
          "array".equals(props.getType()) ? props.getItems().getSchema() : props;
      fields("array".equals(props.getType()) ? fieldPath + "[]" : fieldPath, element);
    }
  }

  private void row(String path, JSONSchemaProps props, boolean required) {
    List<String> notes = new ArrayList<>();
    if (required) {
      notes.add("**Required.**");
    }
    if (props.getDescription() != null) {
      notes.add(props.getDescription());
    } else {
      STANDARD_FIELDS.entrySet().stream()
          .filter(e -> path.endsWith("." + e.getKey()))
          .forEach(e -> notes.add(e.getValue()));
      if (path.endsWith("conditions[].type")) {
        notes.add("The condition type; jobguard sets Valid.");
      }
    }
    JSONSchemaProps value = "array".equals(props.getType()) ? props.getItems().getSchema() : props;
    if (value.getEnum() != null && !value.getEnum().isEmpty()) {
      notes.add(
          "One of "
              + value.getEnum().stream()
                  .map(v -> "`" + v.asText() + "`")
                  .collect(Collectors.joining(", "))
              + ".");
    }
    if (props.getPattern() != null) {
      notes.add("Pattern `" + props.getPattern() + "`.");
    }
    if (props.getMinItems() != null) {
      notes.add("At least " + props.getMinItems() + " item(s).");
    }
    if (props.getMaxLength() != null) {
      notes.add("At most " + props.getMaxLength() + " characters.");
    }
    out.append("| `")
        .append(path)
        .append("` | ")
        .append(type(props))
        .append(" | ")
        .append(String.join(" ", notes).replace("|", "\\|").replace("\n", " "))
        .append(" |\n");
  }

  private static String type(JSONSchemaProps props) {
    if ("array".equals(props.getType())) {
      return "[]" + type(props.getItems().getSchema());
    }
    if ("object".equals(props.getType())
        && (props.getProperties() == null || props.getProperties().isEmpty())
        && props.getAdditionalProperties() != null
        && props.getAdditionalProperties().getSchema() != null) {
      return "map[string]" + type(props.getAdditionalProperties().getSchema());
    }
    return props.getType();
  }

  private static String code(List<String> values) {
    return values == null || values.isEmpty()
        ? "none"
        : values.stream().map(v -> "`" + v + "`").collect(Collectors.joining(", "));
  }
}
