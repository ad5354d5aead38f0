package dev.hearth.hub.rollout;

import dev.hearth.hardware.time.SimulatedClock;
import dev.hearth.hub.store.HubStore;
import dev.hearth.hub.store.jdbc.JdbcHubStore;
import dev.hearth.hub.store.jdbc.StoreConfig;
import dev.hearth.testing.PostgresService;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;

/**
 * The rollout repository contract on a real PostgreSQL server, in a schema of its own that is
 * dropped afterwards.
 */
class PostgresRolloutsTest extends RolloutsContract {

  private String schema;

  @Override
  protected HubStore openStore(SimulatedClock clock) {
    PostgresService pg = PostgresService.get();
    schema = "rollout_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    return JdbcHubStore.open(
        StoreConfig.builder()
            .url(pg.jdbcUrl())
            .user(pg.user())
            .password(pg.password())
            .poolSize(4)
            .schema(schema)
            .build(),
        clock);
  }

  @AfterAll
  void dropSchema() throws SQLException {
    if (schema == null) {
      return;
    }
    try (Connection c = PostgresService.get().connect();
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
  }
}
