package dev.hearth.hub.store.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Empties a store's tables between tests, over a connection of its own. */
final class StoreTables {

  /** Children before parents, so foreign keys never object. */
  static final List<String> TABLES =
      List.of(
          "alerts",
          "commands",
          "device_state",
          "events",
          "telemetry_latest",
          "telemetry_minutes",
          "telemetry_batches",
          "telemetry_samples",
          "claim_codes",
          "device_credentials",
          "devices",
          "sessions",
          "owner_roles",
          "owners");

  private StoreTables() {}

  static void empty(StoreConfig config) {
    try (Connection c = connect(config);
        Statement s = c.createStatement()) {
      for (String table : TABLES) {
        s.addBatch("DELETE FROM " + table);
      }
      s.executeBatch();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot empty the store's tables", e);
    }
  }

  static void dropSchema(StoreConfig config) {
    try (Connection c = connect(config);
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + config.schema() + " CASCADE");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot drop schema " + config.schema(), e);
    }
  }

  static Connection connect(StoreConfig config) throws SQLException {
    boolean h2 = config.vendor() == StoreConfig.Vendor.H2;
    Connection c =
        DriverManager.getConnection(
            config.jdbcUrl(),
            h2 ? StoreConfig.DEFAULT_USER : config.user(),
            h2 ? "" : config.password());
    if (config.schema() != null) {
      c.setSchema(config.schema());
    }
    return c;
  }
}
