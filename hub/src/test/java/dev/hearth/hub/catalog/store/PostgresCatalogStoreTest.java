package dev.hearth.hub.catalog.store;

import dev.hearth.hub.store.HubStore;
import dev.hearth.hub.store.jdbc.JdbcHubStore;
import dev.hearth.hub.store.jdbc.StoreConfig;
import dev.hearth.testing.PostgresService;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.UUID;

/** The catalog's store contract on a real PostgreSQL server, in a schema dropped afterwards. */
class PostgresCatalogStoreTest extends CatalogStoreContract {

  private final String schema =
      "catalog_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);

  @Override
  protected HubStore openStore(Clock clock) {
    PostgresService pg = PostgresService.get();
    return JdbcHubStore.open(
        StoreConfig.builder()
            .url(pg.jdbcUrl())
            .user(pg.user())
            .password(pg.password())
            .poolSize(2)
            .schema(schema)
            .build(),
        clock);
  }

  @Override
  protected void dispose() {
    try (Connection c = PostgresService.get().connect();
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot drop schema " + schema, e);
    }
  }
}
