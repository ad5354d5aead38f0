package dev.hearth.hub.store.jdbc;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Where the hub keeps its data and how it connects: the embedded H2 file database (the default, no
 * set-up), an in-memory H2 database (tests), or PostgreSQL (production).
 *
 * <p>Built with {@link #builder()} or from configuration keys with {@link #fromMap(Map)}; every
 * value is checked when built and a wrong one fails with the key's name and how to fix it.
 *
 * @param url {@code store.url}: {@code h2} (file database under {@link #DEFAULT_H2_PATH}), {@code
 *     h2:<path>} (file database at that path, without extension; {@code ~/} is the home directory),
 *     {@code h2:mem:<name>} (in memory, gone when the store closes), or a {@code
 *     jdbc:postgresql://} URL
 * @param user {@code store.user}: the database user (PostgreSQL; ignored for H2)
 * @param password {@code store.password}: the database password (PostgreSQL; may be empty)
 * @param poolSize {@code store.poolSize}: connections in the pool, 1..{@link #MAX_POOL_SIZE}
 * @param connectTimeout {@code store.connectTimeout}: how long a caller waits for a connection
 * @param h2FsyncOnCommit {@code store.h2.fsyncOnCommit}: H2 only; also force every ingest commit to
 *     the device (survives power loss, not only a crash of the hub), at the cost of an fsync per
 *     commit
 */
public record StoreConfig(
    String url,
    String user,
    String password,
    int poolSize,
    Duration connectTimeout,
    boolean h2FsyncOnCommit,
    String schema) {

  /** Where the default H2 database lives, relative to the working directory. */
  public static final String DEFAULT_H2_PATH = "./data/hearth";

  public static final String DEFAULT_URL = "h2";
  public static final String DEFAULT_USER = "hearth";
  public static final String DEFAULT_PASSWORD = "";
  public static final int DEFAULT_POOL_SIZE = 8;
  public static final int MAX_POOL_SIZE = 200;
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /** Configuration keys, as read by {@link #fromMap(Map)}. */
  public static final String KEY_URL = "store.url";

  public static final String KEY_USER = "store.user";
  public static final String KEY_PASSWORD = "store.password";
  public static final String KEY_POOL_SIZE = "store.poolSize";
  public static final String KEY_CONNECT_TIMEOUT = "store.connectTimeout";
  public static final String KEY_H2_FSYNC = "store.h2.fsyncOnCommit";
  public static final String KEY_SCHEMA = "store.schema";

  private static final String H2_PREFIX = "h2:";
  private static final String H2_MEM_PREFIX = "h2:mem:";
  private static final String POSTGRES_PREFIX = "jdbc:postgresql:";
  private static final java.util.regex.Pattern SCHEMA =
      java.util.regex.Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  public StoreConfig {
    url = url == null ? "" : url.trim();
    if (url.isEmpty()) {
      throw invalid(
          KEY_URL,
          "is empty",
          "set it to h2, h2:<path>, h2:mem:<name> or a jdbc:postgresql:// URL");
    }
    if (!url.equals(DEFAULT_URL)
        && !url.startsWith(H2_PREFIX)
        && !url.startsWith(POSTGRES_PREFIX)) {
      throw invalid(
          KEY_URL,
          "is '" + url + "', which is neither H2 nor PostgreSQL",
          "set it to h2, h2:<path>, h2:mem:<name> or a jdbc:postgresql://host:port/database URL");
    }
    if (url.startsWith(H2_PREFIX) && url.length() == H2_PREFIX.length()
        || url.equals(H2_MEM_PREFIX)) {
      throw invalid(KEY_URL, "names no database", "write h2:<path> or h2:mem:<name>");
    }
    if (url.startsWith(H2_PREFIX) && url.indexOf(';') >= 0) {
      throw invalid(
          KEY_URL,
          "carries H2 settings (';')",
          "give only the path; the store sets the H2 settings it relies on itself");
    }
    user = user == null ? DEFAULT_USER : user;
    password = password == null ? DEFAULT_PASSWORD : password;
    if (url.startsWith(POSTGRES_PREFIX) && user.isBlank()) {
      throw invalid(KEY_USER, "is empty", "set the PostgreSQL user the hub connects as");
    }
    if (poolSize < 1 || poolSize > MAX_POOL_SIZE) {
      throw invalid(
          KEY_POOL_SIZE,
          "is " + poolSize,
          "set it between 1 and " + MAX_POOL_SIZE + " (default " + DEFAULT_POOL_SIZE + ")");
    }
    connectTimeout = connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout;
    if (connectTimeout.compareTo(Duration.ofMillis(250)) < 0) {
      throw invalid(
          KEY_CONNECT_TIMEOUT,
          "is " + connectTimeout,
          "set it to at least 250 ms (ISO-8601, e.g. PT10S; default "
              + DEFAULT_CONNECT_TIMEOUT
              + ")");
    }
    if (schema != null && !SCHEMA.matcher(schema).matches()) {
      throw invalid(
          KEY_SCHEMA,
          "is '" + schema + "'",
          "use lower-case letters, digits and '_' (at most 63), or leave it unset");
    }
  }

  /** The zero-set-up default: an H2 file database under {@value #DEFAULT_H2_PATH}. */
  public static StoreConfig defaults() {
    return builder().build();
  }

  /** An H2 file database at {@code path} (without extension; H2 adds {@code .mv.db}). */
  public static StoreConfig h2File(Path path) {
    return builder().url(H2_PREFIX + path.toString()).build();
  }

  /** A private in-memory H2 database, gone when the store closes. */
  public static StoreConfig h2Memory(String name) {
    return builder().url(H2_MEM_PREFIX + name).build();
  }

  /** PostgreSQL at a {@code jdbc:postgresql://} URL. */
  public static StoreConfig postgres(String jdbcUrl, String user, String password) {
    return builder().url(jdbcUrl).user(user).password(password).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads the {@code store.*} keys; absent keys take their defaults.
   *
   * @throws IllegalArgumentException naming the key when a value is malformed or out of range
   */
  public static StoreConfig fromMap(Map<String, String> values) {
    Builder b = builder();
    String url = values.get(KEY_URL);
    if (url != null) {
      b.url(url);
    }
    String user = values.get(KEY_USER);
    if (user != null) {
      b.user(user);
    }
    String password = values.get(KEY_PASSWORD);
    if (password != null) {
      b.password(password);
    }
    String pool = values.get(KEY_POOL_SIZE);
    if (pool != null) {
      try {
        b.poolSize(Integer.parseInt(pool.trim()));
      } catch (NumberFormatException e) {
        throw invalid(KEY_POOL_SIZE, "is '" + pool + "', not a number", "write a whole number");
      }
    }
    String timeout = values.get(KEY_CONNECT_TIMEOUT);
    if (timeout != null) {
      try {
        b.connectTimeout(Duration.parse(timeout.trim()));
      } catch (java.time.format.DateTimeParseException e) {
        throw invalid(
            KEY_CONNECT_TIMEOUT,
            "is '" + timeout + "'",
            "write an ISO-8601 duration such as PT10S");
      }
    }
    String fsync = values.get(KEY_H2_FSYNC);
    if (fsync != null) {
      String v = fsync.trim().toLowerCase(Locale.ROOT);
      if (!v.equals("true") && !v.equals("false")) {
        throw invalid(KEY_H2_FSYNC, "is '" + fsync + "'", "write true or false");
      }
      b.h2FsyncOnCommit(Boolean.parseBoolean(v));
    }
    String schema = values.get(KEY_SCHEMA);
    if (schema != null && !schema.isBlank()) {
      b.schema(schema.trim());
    }
    return b.build();
  }

  /** The database this configuration points at. */
  public Vendor vendor() {
    return url.startsWith(POSTGRES_PREFIX) ? Vendor.POSTGRESQL : Vendor.H2;
  }

  /** True for an in-memory H2 database. */
  public boolean inMemory() {
    return url.startsWith(H2_MEM_PREFIX);
  }

  /**
   * The H2 file path (without extension) for file databases.
   *
   * @throws IllegalStateException for PostgreSQL or in-memory databases
   */
  public Path h2Path() {
    if (vendor() != Vendor.H2 || inMemory()) {
      throw new IllegalStateException("not an H2 file database: " + url);
    }
    String path = url.equals(DEFAULT_URL) ? DEFAULT_H2_PATH : url.substring(H2_PREFIX.length());
    if (path.equals("~") || path.startsWith("~/")) {
      path = System.getProperty("user.home") + path.substring(1);
    }
    return Path.of(path);
  }

  /**
   * The JDBC URL the pool connects with, including the settings the store relies on.
   *
   * <p>H2 runs in PostgreSQL mode with lower-case identifiers so one SQL text serves both
   * databases. {@code WRITE_DELAY=0} makes H2's MVStore write every committed transaction to the
   * file before the commit returns: by default (500 ms) commits sit in memory until a background
   * thread writes them, and a {@code kill -9} loses them although the gateway has acknowledged
   * them. {@code DB_CLOSE_ON_EXIT=FALSE} leaves closing to {@link JdbcHubStore#close()}, so a
   * shutdown hook does not pull the database from under a running writer.
   */
  public String jdbcUrl() {
    if (vendor() == Vendor.POSTGRESQL) {
      // One multi-row INSERT per 128 batched rows instead of one round trip per row.
      return url.contains("reWriteBatchedInserts")
          ? url
          : url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
    }
    // LOCK_TIMEOUT: a registry update may wait for the ingest writer's row locks a moment.
    String common =
        ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000";
    if (inMemory()) {
      return "jdbc:h2:mem:" + url.substring(H2_MEM_PREFIX.length()) + common;
    }
    return "jdbc:h2:file:"
        + h2Path().toAbsolutePath()
        + common
        + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
  }

  /** The password with its value hidden, for logs. */
  @Override
  public String toString() {
    return "StoreConfig[url="
        + url
        + ", user="
        + user
        + ", password="
        + (password.isEmpty() ? "" : "***")
        + ", poolSize="
        + poolSize
        + ", connectTimeout="
        + connectTimeout
        + ", h2FsyncOnCommit="
        + h2FsyncOnCommit
        + ", schema="
        + schema
        + "]";
  }

  private static IllegalArgumentException invalid(String key, String problem, String fix) {
    return new IllegalArgumentException(key + " " + problem + ": " + fix);
  }

  /** The databases the store runs on. */
  public enum Vendor {
    H2,
    POSTGRESQL
  }

  /** Builds a {@link StoreConfig}; unset values take the named defaults. */
  public static final class Builder {
    private String url = DEFAULT_URL;
    private String user = DEFAULT_USER;
    private String password = DEFAULT_PASSWORD;
    private int poolSize = DEFAULT_POOL_SIZE;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private boolean h2FsyncOnCommit;
    private String schema;

    private Builder() {}

    public Builder url(String url) {
      this.url = Objects.requireNonNull(url, KEY_URL);
      return this;
    }

    public Builder user(String user) {
      this.user = Objects.requireNonNull(user, KEY_USER);
      return this;
    }

    public Builder password(String password) {
      this.password = Objects.requireNonNull(password, KEY_PASSWORD);
      return this;
    }

    public Builder poolSize(int poolSize) {
      this.poolSize = poolSize;
      return this;
    }

    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = Objects.requireNonNull(connectTimeout, KEY_CONNECT_TIMEOUT);
      return this;
    }

    public Builder h2FsyncOnCommit(boolean h2FsyncOnCommit) {
      this.h2FsyncOnCommit = h2FsyncOnCommit;
      return this;
    }

    /** The schema for the hub's tables, or null for the connection's default. */
    public Builder schema(String schema) {
      this.schema = schema;
      return this;
    }

    /**
     * Checks and builds.
     *
     * @throws IllegalArgumentException naming the key when a value is out of range
     */
    public StoreConfig build() {
      return new StoreConfig(
          url, user, password, poolSize, connectTimeout, h2FsyncOnCommit, schema);
    }
  }
}
