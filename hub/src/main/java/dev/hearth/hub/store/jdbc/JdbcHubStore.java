package dev.hearth.hub.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.hearth.hub.catalog.store.Catalog;
import dev.hearth.hub.rollout.store.Rollouts;
import dev.hearth.hub.store.Alerts;
import dev.hearth.hub.store.Commands;
import dev.hearth.hub.store.Devices;
import dev.hearth.hub.store.Events;
import dev.hearth.hub.store.HubStore;
import dev.hearth.hub.store.IngestBatch;
import dev.hearth.hub.store.Owners;
import dev.hearth.hub.store.StoreException;
import dev.hearth.hub.store.Telemetry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * The hub's store on JDBC: H2 (embedded, file or memory) or PostgreSQL, behind a HikariCP pool,
 * schema migrated by Flyway when opened.
 *
 * <pre>{@code
 * try (HubStore store = JdbcHubStore.open(StoreConfig.defaults())) { ... }
 * }</pre>
 */
public final class JdbcHubStore implements HubStore {

  private final StoreConfig config;
  private final HikariDataSource pool;
  private final Dialect dialect;
  private final JdbcDevices devices;
  private final JdbcOwners owners;
  private final JdbcTelemetry telemetry;
  private final JdbcEvents events;
  private final JdbcCommands commands;
  private final JdbcAlerts alerts;
  private final JdbcCatalog catalog;
  private final JdbcRollouts rollouts;
  private final IngestWriter writer;

  private JdbcHubStore(StoreConfig config, HikariDataSource pool, Clock clock) {
    this.config = config;
    this.pool = pool;
    this.dialect = Dialect.of(config.vendor());
    Db db = new Db(pool, dialect);
    this.devices = new JdbcDevices(db, clock);
    this.owners = new JdbcOwners(db);
    this.telemetry = new JdbcTelemetry(db);
    this.events = new JdbcEvents(db);
    this.commands = new JdbcCommands(db);
    this.alerts = new JdbcAlerts(db);
    this.catalog = new JdbcCatalog(db);
    this.rollouts = new JdbcRollouts(db);
    boolean sync = config.vendor() == StoreConfig.Vendor.H2 && config.h2FsyncOnCommit();
    this.writer = new IngestWriter(pool, dialect, clock, sync);
  }

  /** Opens the store on the system clock; see {@link #open(StoreConfig, Clock)}. */
  public static JdbcHubStore open(StoreConfig config) {
    return open(config, Clock.systemUTC());
  }

  /**
   * Connects, migrates the schema to the newest version, and returns the store.
   *
   * @param clock stamps what the store records on its own (when a device was last seen, when a
   *     claim code was used)
   * @throws StoreException when the database cannot be reached or migrated; the message says which
   *     database and why
   */
  public static JdbcHubStore open(StoreConfig config, Clock clock) {
    HikariDataSource pool = connect(config);
    try {
      migrate(config, pool);
      return new JdbcHubStore(config, pool, clock);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  private static HikariDataSource connect(StoreConfig config) {
    HikariConfig hc = new HikariConfig();
    hc.setPoolName("hearth-store");
    hc.setJdbcUrl(config.jdbcUrl());
    hc.setMaximumPoolSize(config.poolSize());
    hc.setConnectionTimeout(config.connectTimeout().toMillis());
    if (config.vendor() == StoreConfig.Vendor.H2) {
      // H2 is embedded: its user is fixed (the file's creator is its admin) and a connection
      // never goes stale, so keep every connection for the pool's life. An embedded database
      // closes when its last connection does; retiring all of them would close and reopen it.
      hc.setUsername(StoreConfig.DEFAULT_USER);
      hc.setPassword("");
      hc.setMinimumIdle(config.poolSize());
      hc.setMaxLifetime(0);
      hc.setIdleTimeout(0);
      createParentDirectory(config);
    } else {
      hc.setUsername(config.user());
      hc.setPassword(config.password());
    }
    String init = initSql(config);
    if (!init.isEmpty()) {
      hc.setConnectionInitSql(init);
    }
    try {
      return new HikariDataSource(hc);
    } catch (RuntimeException e) {
      throw new StoreException(
          "cannot open the "
              + Dialect.of(config.vendor()).vendor()
              + " database at "
              + config.url()
              + ": "
              + rootMessage(e)
              + (config.vendor() == StoreConfig.Vendor.H2 && !config.inMemory()
                  ? " (is another hub using the same data directory?)"
                  : " (check store.url, store.user and store.password)"),
          e);
    }
  }

  /**
   * What every new connection runs first. On PostgreSQL, {@code synchronous_commit} is forced on:
   * the gateway acknowledges QoS1 messages once {@link #commit} returns, which is only safe when a
   * commit waits for its WAL flush, whatever the server's default. Then the configured schema
   * becomes the default; PostgreSQL accepts a search path naming a schema that does not exist yet
   * (Flyway creates it), H2 needs it created first.
   */
  private static String initSql(StoreConfig config) {
    String schema = config.schema();
    if (config.vendor() == StoreConfig.Vendor.H2) {
      return schema == null
          ? ""
          : "CREATE SCHEMA IF NOT EXISTS " + schema + "; SET SCHEMA " + schema;
    }
    return "SET synchronous_commit TO on"
        + (schema == null ? "" : "; SET search_path TO " + schema);
  }

  private static void createParentDirectory(StoreConfig config) {
    if (config.inMemory()) {
      return;
    }
    Path parent = config.h2Path().toAbsolutePath().getParent();
    try {
      Files.createDirectories(parent);
    } catch (IOException e) {
      throw new StoreException(
          "cannot create the data directory "
              + parent
              + " for store.url="
              + config.url()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  private static void migrate(StoreConfig config, HikariDataSource pool) {
    FluentConfiguration flyway =
        Flyway.configure(JdbcHubStore.class.getClassLoader())
            .dataSource(pool)
            .locations(
                "classpath:db/migration/common",
                "classpath:db/migration/" + Dialect.of(config.vendor()).vendor());
    if (config.schema() != null) {
      flyway.schemas(config.schema()).createSchemas(true);
    }
    try {
      flyway.load().migrate();
    } catch (FlywayException e) {
      throw new StoreException(
          "migrating the schema of " + config.url() + " failed: " + e.getMessage(), e);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage();
  }

  @Override
  public Devices devices() {
    return devices;
  }

  @Override
  public Owners owners() {
    return owners;
  }

  @Override
  public Telemetry telemetry() {
    return telemetry;
  }

  @Override
  public Events events() {
    return events;
  }

  @Override
  public Commands commands() {
    return commands;
  }

  @Override
  public Alerts alerts() {
    return alerts;
  }

  @Override
  public Catalog catalog() {
    return catalog;
  }

  @Override
  public Rollouts rollouts() {
    return rollouts;
  }

  /**
   * {@inheritDoc}
   *
   * <p>Durable means: on PostgreSQL, the commit waited for its WAL flush ({@code
   * synchronous_commit} is forced on); on an H2 file, the transaction was written to the file
   * before the commit returned ({@code WRITE_DELAY=0}), so it survives a crash or {@code kill -9}
   * of the hub, and with {@link StoreConfig#h2FsyncOnCommit()} also a power cut.
   */
  @Override
  public void commit(IngestBatch batch) {
    writer.commit(batch);
  }

  @Override
  public String vendor() {
    return dialect.vendor();
  }

  /** The configuration this store was opened with. */
  public StoreConfig config() {
    return config;
  }

  @Override
  public void close() {
    pool.close();
  }
}
