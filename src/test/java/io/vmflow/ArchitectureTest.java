package io.vmflow;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * STYLE.md §1: a stage imports only earlier stages and the leaves; Spring only in cli, job, store.
 */
class ArchitectureTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.vmflow");
  }

  @Test
  void leavesDependOnNoStage() {
    noClasses()
        .that()
        .resideInAnyPackage("io.vmflow.model..", "io.vmflow.finding..", "io.vmflow.spec..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.vmflow.ingest..",
            "io.vmflow.parse..",
            "io.vmflow.capture..",
            "io.vmflow.topology..",
            "io.vmflow.check..",
            "io.vmflow.ping..",
            "io.vmflow.trace..",
            "io.vmflow.cause..",
            "io.vmflow.report..",
            "io.vmflow.redact..",
            "io.vmflow.store..",
            "io.vmflow.job..",
            "io.vmflow.cli..")
        .check(classes);
  }

  @Test
  void stagesImportOnlyEarlierStages() {
    String[] order = {
      "ingest",
      "parse",
      "capture",
      "topology",
      "check",
      "ping",
      "trace",
      "cause",
      "report",
      "redact"
    };
    for (int i = 0; i < order.length; i++) {
      String[] later = new String[order.length - i - 1 + 3];
      int k = 0;
      for (int j = i + 1; j < order.length; j++) {
        later[k++] = "io.vmflow." + order[j] + "..";
      }
      later[k++] = "io.vmflow.store..";
      later[k++] = "io.vmflow.job..";
      later[k] = "io.vmflow.cli..";
      noClasses()
          .that()
          .resideInAPackage("io.vmflow." + order[i] + "..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(later)
          .allowEmptyShould(true)
          .check(classes);
    }
  }

  /**
   * The job calls the report's renderer in the render steps only; what the stages produce and the
   * job stores are the stages' own types, never the report's views.
   */
  @Test
  void onlyTheRenderStepsOfTheJobUseTheReport() {
    noClasses()
        .that()
        .resideInAPackage("io.vmflow.job..")
        .and()
        .haveNameNotMatching(
            "io\\.vmflow\\.job\\.(RenderTasklet|StagedReport|NightlyRunner|FleetNightlyRunner|NightlyRunEnd|NightlyReports)(\\$.*)?")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.vmflow.report..")
        .check(classes);
  }

  /** Findings are {@code finding.Finding}s: the store persists them without knowing the checks. */
  @Test
  void storeKnowsNeitherChecksNorReport() {
    noClasses()
        .that()
        .resideInAPackage("io.vmflow.store..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.vmflow.check..", "io.vmflow.report..", "io.vmflow.job..")
        .check(classes);
  }

  @Test
  void onlyCliJobAndStoreUseSpring() {
    noClasses()
        .that()
        .resideOutsideOfPackages("io.vmflow.cli..", "io.vmflow.job..", "io.vmflow.store..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.springframework..")
        .check(classes);
  }

  /**
   * The job's context has no {@code @EventListener} method processor (job.NoEventListenerMethods:
   * its scan of every bean was the slowest step of the start-up), so such a method would never be
   * called.
   */
  @Test
  void noEventListenerMethods() {
    com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods()
        .should()
        .beAnnotatedWith(org.springframework.context.event.EventListener.class)
        .orShould()
        .beMetaAnnotatedWith(org.springframework.context.event.EventListener.class)
        .check(classes);
  }
}
