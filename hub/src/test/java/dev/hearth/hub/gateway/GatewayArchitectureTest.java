package dev.hearth.hub.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The gateway's seams, enforced rather than agreed. */
class GatewayArchitectureTest {

  private static final JavaClasses GATEWAY = importGateway();

  /**
   * The rules only look at the gateway's own classes and the names they refer to, so ArchUnit need
   * not load the whole of Vert.x and Californium to resolve them (seconds per run).
   */
  private static JavaClasses importGateway() {
    ArchConfiguration archUnit = ArchConfiguration.get();
    boolean resolving = archUnit.resolveMissingDependenciesFromClassPath();
    archUnit.setResolveMissingDependenciesFromClassPath(false);
    try {
      return new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.hearth.hub.gateway");
    } finally {
      archUnit.setResolveMissingDependenciesFromClassPath(resolving);
    }
  }

  @Test
  void theCoreKnowsNoTransportLibrary() {
    noClasses()
        .that()
        .resideInAPackage("dev.hearth.hub.gateway")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.vertx..", "io.netty..", "org.eclipse.californium..")
        .check(GATEWAY);
  }

  @Test
  void theCoreDoesNotReachIntoItsAdapters() {
    noClasses()
        .that()
        .resideInAPackage("dev.hearth.hub.gateway")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.hearth.hub.gateway.mqtt..",
            "dev.hearth.hub.gateway.coap..",
            "dev.hearth.hub.gateway.app..")
        .check(GATEWAY);
  }

  @Test
  void theTransportsDoNotKnowEachOther() {
    noClasses()
        .that()
        .resideInAPackage("dev.hearth.hub.gateway.mqtt..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.hearth.hub.gateway.coap..", "org.eclipse.californium..")
        .check(GATEWAY);
    noClasses()
        .that()
        .resideInAPackage("dev.hearth.hub.gateway.coap..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.hearth.hub.gateway.mqtt..", "io.vertx..", "io.netty..")
        .check(GATEWAY);
  }
}
