package dev.hearth.agent;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The seams of DESIGN.md: domain code never imports the hardware or transport libraries; only
 * adapters do, and adapters are named after their technology.
 */
class ArchitectureTest {

  private static JavaClasses hearth;

  @BeforeAll
  static void importHearth() {
    // Every Hearth module on the classpath: the agent, the hardware library, the specs.
    hearth =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.hearth");
  }

  @Test
  void onlyHalAdaptersUsePi4j() {
    noClasses()
        .that()
        .resideOutsideOfPackages("dev.hearth.agent.hal.pi4j..", "dev.hearth.agent.app..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("com.pi4j..")
        .because("hardware is reached only through the hal's Pi4J adapters")
        .check(hearth);
  }

  @Test
  void onlyLinkAdaptersUsePaho() {
    noClasses()
        .that()
        .resideOutsideOfPackages("dev.hearth.agent.link.paho..", "dev.hearth.agent.app..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.eclipse.paho..")
        .check(hearth);
  }

  @Test
  void onlyLocalAdaptersUseCalifornium() {
    noClasses()
        .that()
        .resideOutsideOfPackages(
            "dev.hearth.agent.local.californium..",
            "dev.hearth.agent.update.californium..",
            "dev.hearth.agent.app..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.eclipse.californium..")
        .check(hearth);
  }

  @Test
  void adaptersAreNamedAfterTheirTechnology() {
    classes()
        .that()
        .resideInAPackage("..pi4j..")
        .and()
        .areTopLevelClasses()
        .and()
        .doNotHaveSimpleName("package-info")
        .should()
        .haveSimpleNameStartingWith("Pi4j")
        .allowEmptyShould(true)
        .check(hearth);
    classes()
        .that()
        .resideInAPackage("..paho..")
        .and()
        .areTopLevelClasses()
        .and()
        .doNotHaveSimpleName("package-info")
        .should()
        .haveSimpleNameStartingWith("Paho")
        .allowEmptyShould(true)
        .check(hearth);
    classes()
        .that()
        .resideInAPackage("..californium..")
        .and()
        .areTopLevelClasses()
        .and()
        .doNotHaveSimpleName("package-info")
        .should()
        .haveSimpleNameStartingWith("Californium")
        .allowEmptyShould(true)
        .check(hearth);
  }

  @Test
  void theSharedLibrariesDependOnNoTransportStorageOrHardwareLibrary() {
    noClasses()
        .that()
        .resideInAnyPackage("dev.hearth.hardware..", "dev.hearth.specs..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "com.pi4j..",
            "org.eclipse.paho..",
            "org.eclipse.californium..",
            "io.vertx..",
            "java.sql..",
            "dev.hearth.agent..")
        .check(hearth);
  }

  @Test
  void theSafetyKernelDependsOnNothingButTheProfile() {
    classes()
        .that()
        .resideInAPackage("dev.hearth.hardware.safety..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "dev.hearth.hardware.safety..", "dev.hearth.hardware.profile..",
            "dev.hearth.hardware.condition..", "java..")
        .check(hearth);
  }
}
