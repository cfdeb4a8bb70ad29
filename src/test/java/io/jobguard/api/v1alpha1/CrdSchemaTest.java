package io.jobguard.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.jobguard.rules.Profile;
import io.jobguard.rules.Severity;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The committed CRDs carry what SPEC §5 promises: names, scope, columns and validation. */
class CrdSchemaTest {

  @Test
  void findingListsLikeSpecSection51() throws IOException {
    CustomResourceDefinition crd = CrdFiles.read(CrdFiles.FINDING);
    assertThat(crd.getSpec().getScope()).isEqualTo("Namespaced");
    assertThat(crd.getSpec().getNames().getShortNames()).containsExactly("jgf");
    assertThat(crd.getSpec().getNames().getCategories()).containsExactly("jobguard");
    CustomResourceDefinitionVersion version = crd.getSpec().getVersions().get(0);
    assertThat(version.getName()).isEqualTo("v1alpha1");
    assertThat(version.getSubresources().getStatus()).isNotNull();
    // kubectl adds NAMESPACE (with -A) and NAME itself and upper-cases column names.
    assertThat(version.getAdditionalPrinterColumns())
        .extracting(CustomResourceColumnDefinition::getName)
        .map(n -> n.toUpperCase(Locale.ROOT))
        .containsExactly("SEVERITY", "RULE", "KIND", "SUBJECT", "COUNT", "LAST SEEN", "AGE");
  }

  @Test
  void detectionPolicyIsClusterScopedWithStatus() throws IOException {
    CustomResourceDefinition crd = CrdFiles.read(CrdFiles.DETECTION_POLICY);
    assertThat(crd.getSpec().getScope()).isEqualTo("Cluster");
    assertThat(crd.getSpec().getVersions().get(0).getSubresources().getStatus()).isNotNull();
    assertThat(crd.getSpec().getNames().getCategories()).containsExactly("jobguard");
  }

  @Test
  void detectionPolicySchemaValidatesEnumsAndRequiredFields() throws IOException {
    JSONSchemaProps spec = policySpec();
    assertThat(words(spec.getProperties().get("profile")))
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(Profile.values()).map(Profile::word).toList());
    JSONSchemaProps rule = spec.getProperties().get("rules").getItems().getSchema();
    assertThat(rule.getRequired()).containsExactly("id");
    assertThat(words(rule.getProperties().get("severity")))
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(Severity.values()).map(Severity::word).toList());
    JSONSchemaProps exception = spec.getProperties().get("exceptions").getItems().getSchema();
    assertThat(exception.getRequired()).containsExactlyInAnyOrder("name", "reason", "rules");
    assertThat(exception.getProperties().get("reason").getMinLength()).isEqualTo(1L);
    assertThat(exception.getProperties().get("rules").getMinItems()).isEqualTo(1L);
    assertThat(exception.getProperties().get("name").getPattern()).isNotBlank();
    assertThat(exception.getProperties().get("expires").getPattern()).isNotBlank();
    assertThat(exception.getProperties())
        .containsKeys(
            "namespaces", "kinds", "names", "images", "serviceAccounts", "selector", "expires");
  }

  private static JSONSchemaProps policySpec() throws IOException {
    return CrdFiles.read(CrdFiles.DETECTION_POLICY)
        .getSpec()
        .getVersions()
        .get(0)
        .getSchema()
        .getOpenAPIV3Schema()
        .getProperties()
        .get("spec");
  }

  private static java.util.List<String> words(JSONSchemaProps props) {
    return props.getEnum().stream().map(JsonNode::asText).toList();
  }
}
