package io.jobguard.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobguard.rules.Rule;
import io.jobguard.rules.RuleCatalogue;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/rules.md is generated from RuleMetadata and committed; this fails when they differ. Run with
 * {@code -Djobguard.regenerate=true} to rewrite the file.
 */
class RulesDocTest {
  private static final Path DOC = Path.of("docs/rules.md");

  @Test
  void committedRuleReferenceMatchesTheCatalogue() throws Exception {
    String generated = RulesReference.markdown(RuleCatalogue.builtin());
    if (Boolean.getBoolean("jobguard.regenerate")) {
      Files.createDirectories(DOC.getParent());
      Files.writeString(DOC, generated);
    }
    assertThat(Files.exists(DOC))
        .as("docs/rules.md is missing; generate it with: " + RulesReference.REGENERATE)
        .isTrue();
    assertThat(Files.readString(DOC))
        .as(
            "docs/rules.md is out of date with RuleMetadata; regenerate it with: "
                + RulesReference.REGENERATE)
        .isEqualTo(generated);
  }

  @Test
  void everyRuleHasASectionAndATableRow() {
    String markdown = RulesReference.markdown(RuleCatalogue.builtin());

    for (Rule rule : RuleCatalogue.builtin().rules()) {
      assertThat(markdown).contains("\n## " + rule.id() + "\n").contains("| [`" + rule.id() + "`]");
      assertThat(markdown).contains(rule.metadata().remediation());
    }
    assertThat(markdown).contains("https://attack.mitre.org/techniques/T1611/");
  }
}
