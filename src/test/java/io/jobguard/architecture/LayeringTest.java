package io.jobguard.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.google.auto.service.AutoService;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.jobguard.rules.Rule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rule engine is a plain library: model, rules and policy never reach into Quarkus, JOSDK, the
 * operator or the CLI, so unit tests and the offline scanner use it without booting anything.
 */
class LayeringTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.jobguard");
  }

  @Test
  void libraryLayersDoNotDependOnFrameworksOrCallers() {
    noClasses()
        .that()
        .resideInAnyPackage("io.jobguard.model..", "io.jobguard.rules..", "io.jobguard.policy..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.quarkus..",
            "io.javaoperatorsdk..",
            "io.quarkiverse..",
            "jakarta.enterprise..",
            "jakarta.inject..",
            "io.micrometer..",
            "io.fabric8.kubernetes.client..",
            "io.jobguard.operator..",
            "io.jobguard.scan..",
            "io.jobguard.metrics..")
        .check(classes);
  }

  @Test
  void modelDoesNotKnowRules() {
    noClasses()
        .that()
        .resideInAPackage("io.jobguard.model..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.jobguard.rules..", "io.jobguard.policy..")
        .check(classes);
  }

  @Test
  void scanAndOperatorDoNotDependOnEachOther() {
    noClasses()
        .that()
        .resideInAPackage("io.jobguard.scan..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.jobguard.operator..")
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage("io.jobguard.operator..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.jobguard.scan..")
        .check(classes);
  }

  @Test
  void everyBuiltinRuleIsDiscoverable() {
    classes()
        .that()
        .resideInAPackage("io.jobguard.rules.builtin")
        .and()
        .implement(Rule.class)
        .should()
        .beAnnotatedWith(AutoService.class)
        .andShould()
        .haveSimpleNameEndingWith("Rule")
        .check(classes);
  }
}
