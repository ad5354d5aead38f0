package dev.hearth.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A real PostgreSQL server for tests.
 *
 * <p>Loopback first ({@code 127.0.0.1:5432}, database {@code test}, trust authentication, user from
 * {@code HEARTH_TEST_PG_USER} or {@code postgres}); then a Testcontainers container.
 */
public record PostgresService(String jdbcUrl, String user, String password) {

  private static final String HOST = "127.0.0.1";
  private static final int PORT = 5432;
  private static PostgresService shared;

  /** The shared server for this JVM, or a skip (a failure under {@code CI=true}). */
  public static synchronized PostgresService get() {
    if (shared == null) {
      shared = locate();
    }
    return shared;
  }

  private static PostgresService locate() {
    if (ServiceAvailability.answers(HOST, PORT)) {
      String user = System.getenv().getOrDefault("HEARTH_TEST_PG_USER", "postgres");
      return new PostgresService("jdbc:postgresql://" + HOST + ":" + PORT + "/test", user, "");
    }
    if (ServiceAvailability.dockerAvailable()) {
      PostgreSQLContainer container = new PostgreSQLContainer("postgres:16-alpine");
      container.start();
      return new PostgresService(
          container.getJdbcUrl(), container.getUsername(), container.getPassword());
    }
    return ServiceAvailability.unavailable(
        "PostgreSQL", "Start it (.ci/run does) or install Docker.");
  }

  /** Opens a new connection; the caller closes it. */
  public Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl, user, password);
  }
}
