package dev.modelfleet.operator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module arrows of DESIGN.md, checked on the compiled classes. */
class LayeringTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importProductionClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.modelfleet");
  }

  @Test
  void rankerKnowsNothingOfKubernetesOrQuarkus() {
    noClasses()
        .that()
        .resideInAPackage("dev.modelfleet.ranker..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.fabric8..", "io.javaoperatorsdk..", "io.quarkus..", "io.quarkiverse..", "jakarta..")
        .orShould()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.modelfleet.crds..", "dev.modelfleet.operator..", "dev.modelfleet.serving..")
        .check(classes);
  }

  @Test
  void customResourceClassesArePureData() {
    noClasses()
        .that()
        .resideInAPackage("dev.modelfleet.crds..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.fabric8.kubernetes.client.dsl..",
            "io.javaoperatorsdk..",
            "io.quarkus..",
            "dev.modelfleet.operator..",
            "dev.modelfleet.serving..")
        .check(classes);
  }

  @Test
  void theOperatorDoesNotBuildWorkloadManifestsByHand() {
    // Deployments, Services, PVCs and Jobs are rendered by serving-adapters; the operator may hold,
    // compare and apply them, but never builds one.
    noClasses()
        .that()
        .resideInAPackage("dev.modelfleet.operator..")
        .should()
        .dependOnClassesThat(workloadBuilders())
        .check(classes);
  }

  private static DescribedPredicate<JavaClass> workloadBuilders() {
    return DescribedPredicate.describe(
        "builders of Deployments, Jobs, Services or PersistentVolumeClaims",
        c ->
            c.getSimpleName().endsWith("Builder")
                && (c.getPackageName().startsWith("io.fabric8.kubernetes.api.model.apps")
                    || c.getPackageName().startsWith("io.fabric8.kubernetes.api.model.batch")
                    || c.getSimpleName().startsWith("Service")
                    || c.getSimpleName().startsWith("PersistentVolumeClaim")));
  }
}
