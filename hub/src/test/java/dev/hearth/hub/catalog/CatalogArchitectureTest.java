package dev.hearth.hub.catalog;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The catalog's logic knows neither HTTP nor the database: Vert.x stays in {@code catalog.http},
 * JDBC in the store's implementation, and the trust decisions stay the specs' verifier's.
 */
class CatalogArchitectureTest {

  private static final JavaClasses CATALOG =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.hearth.hub.catalog");

  @Test
  void theLogicKnowsNoTransportAndNoDatabase() {
    noClasses()
        .that()
        .resideInAnyPackage("dev.hearth.hub.catalog", "dev.hearth.hub.catalog.store")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.vertx..",
            "io.netty..",
            "java.sql..",
            "dev.hearth.hub.api..",
            "dev.hearth.hub.store.jdbc..")
        .check(CATALOG);
  }

  @Test
  void theStoreRecordsDependOnNothingOfTheHub() {
    noClasses()
        .that()
        .resideInAPackage("dev.hearth.hub.catalog.store")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.hearth.hub.catalog", "dev.hearth.hub.catalog.http")
        .check(CATALOG);
  }
}
