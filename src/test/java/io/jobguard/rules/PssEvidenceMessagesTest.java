package io.jobguard.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Evidence of the PSS baseline rules explains itself: one sentence, naming the container it is
 * about, on a field path below the pod spec or pod template metadata.
 */
class PssEvidenceMessagesTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "host-pid",
        "host-ipc",
        "host-network",
        "host-ports",
        "windows-host-process",
        "added-capabilities",
        "unmasked-proc-mount",
        "unconfined-seccomp",
        "unconfined-apparmor",
        "custom-selinux",
        "unsafe-sysctls",
        "probe-host-override"
      })
  void everyMessageIsOneSentenceNamingItsContainer(String id) {
    Rule rule = RuleCatalogue.builtin().find(id).orElseThrow();
    for (RuleFixtures.Document doc :
        RuleFixtures.load(RuleFixtures.folder(id).resolve("fire.yaml"))) {
      String podPath = doc.workload().podSpec().path();
      String metadataPath = doc.workload().podSpec().metadataPath();
      for (Evidence e : rule.evaluate(doc.workload(), RuleFixtures.context(id))) {
        assertThat(e.message())
            .as("%s message", doc.describe())
            .matches("^[A-Z][^\\n]*[.]$")
            .doesNotContain("null");
        if (e.container() != null) {
          assertThat(e.message()).contains("'" + e.container() + "'");
        }
        assertThat(e.field())
            .startsWith(e.field().startsWith(metadataPath) ? metadataPath : podPath);
        assertThat(e.value()).as("%s value", doc.describe()).isNotNull();
      }
    }
  }
}
