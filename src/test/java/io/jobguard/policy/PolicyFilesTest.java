package io.jobguard.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scan --policy FILE}: clear errors naming the file, multi-document files merge. */
class PolicyFilesTest {
  @TempDir Path dir;

  private Path file(String yaml) throws IOException {
    Path file = dir.resolve("policy.yaml");
    Files.writeString(file, yaml);
    return file;
  }

  private static final String HEAD =
      "apiVersion: jobguard.io/v1alpha1\nkind: DetectionPolicy\nmetadata: {name: p}\n";

  private static PolicyValidationException invalid(Path file) {
    try {
      PolicyFiles.readSpec(file, TestRules.spec());
    } catch (PolicyValidationException e) {
      return e;
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("expected " + file + " to be rejected");
  }

  @Test
  void yamlSyntaxErrorsNameFileAndLine() throws IOException {
    Path file = file(HEAD + "spec:\n  rules: [\n    {id: x\n");
    assertThat(invalid(file).problems())
        .singleElement()
        .asString()
        .startsWith(file + ":")
        .contains("not valid YAML");
  }

  @Test
  void wrongKindOrApiVersionIsRejected() throws IOException {
    Path file = file("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: p}\n");
    assertThat(invalid(file).problems())
        .containsExactly(
            file
                + ": expected apiVersion jobguard.io/v1alpha1 and kind DetectionPolicy, found"
                + " apiVersion 'v1' and kind 'ConfigMap'");
    Path old = file("apiVersion: jobguard.io/v1\nkind: DetectionPolicy\nmetadata: {name: p}\n");
    assertThat(invalid(old).problems())
        .singleElement()
        .asString()
        .contains("found apiVersion 'jobguard.io/v1'");
  }

  @Test
  void misspeltFieldsAreErrorsNotSilentlyDropped() throws IOException {
    Path file =
        file(
            HEAD
                + "spec:\n  exceptions:\n    - {name: e, rules: ['*'], reason: r, namespace: [x]}\n");
    assertThat(invalid(file).problems())
        .singleElement()
        .asString()
        .startsWith(file + " (DetectionPolicy p): spec.exceptions[0].namespace: unknown field")
        .contains("namespaces");
  }

  @Test
  void wrongTypesNameTheField() throws IOException {
    Path file = file(HEAD + "spec:\n  rules:\n    - {id: host-pid, enabled: maybe}\n");
    assertThat(invalid(file).problems())
        .singleElement()
        .asString()
        .startsWith(file + " (DetectionPolicy p): spec.rules[0].enabled: ");
  }

  @Test
  void validationProblemsCarryTheFileName() throws IOException {
    Path file = file(HEAD + "spec:\n  rules: [{id: host-pid, severity: urgent}]\n");
    assertThat(invalid(file).problems())
        .singleElement()
        .asString()
        .isEqualTo(
            file
                + " (DetectionPolicy p): spec.rules[0].severity: unknown severity 'urgent'"
                + " (expected one of info, low, medium, high, critical)");
  }

  @Test
  void severalDocumentsMergeLikeSeveralPoliciesInTheCluster() throws Exception {
    Path file =
        file(
            """
            apiVersion: jobguard.io/v1alpha1
            kind: DetectionPolicy
            metadata: {name: team}
            spec:
              exceptions: [{name: e, rules: ['*'], namespaces: [lab], reason: lab}]
            ---
            apiVersion: jobguard.io/v1alpha1
            kind: DetectionPolicy
            metadata: {name: base}
            spec:
              profile: restricted
            """);
    DetectionPolicySpec spec = PolicyFiles.readSpec(file, TestRules.spec());
    assertThat(spec.getProfile()).isEqualTo("restricted");
    assertThat(spec.getExceptions())
        .extracting(PolicyExceptionSpec::getName)
        .containsExactly("team/e");
  }

  @Test
  void duplicateNamesAndMissingNamesAreRejected() throws IOException {
    Path file =
        file(
            HEAD
                + "---\n"
                + HEAD
                + "---\napiVersion: jobguard.io/v1alpha1\nkind: DetectionPolicy\n");
    assertThat(invalid(file).problems())
        .containsExactly(
            file
                + " (document 1) (DetectionPolicy p): metadata.name: a second DetectionPolicy named p",
            file + " (document 2): metadata.name: required");
  }

  @Test
  void anEmptyFileHoldsNoPolicy() throws IOException {
    Path file = file("# nothing\n");
    assertThat(invalid(file).problems()).containsExactly(file + ": holds no DetectionPolicy");
  }

  @Test
  void anUnreadableFileIsAnIoErrorNamingIt() {
    Path missing = dir.resolve("missing.yaml");
    assertThatThrownBy(() -> PolicyFiles.readSpec(missing))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith(missing + ": cannot read the policy file");
  }
}
