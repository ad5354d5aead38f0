package dev.hearth.agent.app;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.hearth.hardware.safety.OutputDriver;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The agent core's layers: hal at the bottom, safety on it, the runtime on both, the command line
 * on top, and the composition root over everything; and no write to an output but the safety
 * kernel's.
 */
class AgentLayersTest {

  private static JavaClasses agent;

  @BeforeAll
  static void importAgent() {
    agent =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.hearth.agent");
  }

  @Test
  void onlyTheSafetyKernelDrivesTheBoard() {
    noClasses()
        .should()
        .callMethodWhere(target(owner(assignableTo(OutputDriver.class))).and(target(name("drive"))))
        .because("every write to an output passes the profile's interlocks in the safety kernel")
        .check(agent);
  }

  @Test
  void theHalKnowsNothingAboveIt() {
    noClasses()
        .that()
        .resideInAPackage("dev.hearth.agent.hal..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.hearth.agent.safety..",
            "dev.hearth.agent.runtime..",
            "dev.hearth.agent.cli..",
            "dev.hearth.agent.app..")
        .check(agent);
  }

  @Test
  void safetyDependsOnTheHalOnly() {
    noClasses()
        .that()
        .resideInAPackage("dev.hearth.agent.safety..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.hearth.agent.runtime..",
            "dev.hearth.agent.cli..",
            "dev.hearth.agent.app..",
            "dev.hearth.agent.hal.pi4j..")
        .check(agent);
  }

  @Test
  void theRuntimeDoesNotKnowWhichBoardItRunsOn() {
    noClasses()
        .that()
        .resideInAPackage("dev.hearth.agent.runtime..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.hearth.agent.hal.pi4j..", "dev.hearth.agent.cli..", "dev.hearth.agent.app..")
        .check(agent);
  }

  @Test
  void theCommandLineGetsItsAgentsFromTheCompositionRoot() {
    noClasses()
        .that()
        .resideInAPackage("dev.hearth.agent.cli..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.hearth.agent.app..", "dev.hearth.agent.hal.pi4j..")
        .check(agent);
  }
}
