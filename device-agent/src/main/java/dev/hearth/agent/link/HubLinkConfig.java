package dev.hearth.agent.link;

import dev.hearth.agent.link.outbox.Outbox;
import dev.hearth.specs.wire.TopicKind;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * How the agent reaches its hub. Build it with {@link #builder(URI)}; every setting not given takes
 * the named default below, and the record checks itself when built: a wrong value throws a {@link
 * LinkConfigException} naming the key ({@code link.*}) and the fix.
 *
 * @param broker the hub's MQTT endpoint, {@code tcp://host:port} or {@code ssl://host:port} ({@code
 *     link.broker})
 * @param caFile PEM file of the CA that signed the hub's certificate, for {@code ssl://}; {@code
 *     null} trusts the JVM's default CAs ({@code link.caFile})
 * @param username the MQTT user name from enrollment, {@code null} for none ({@code link.username})
 * @param password the MQTT password from enrollment, {@code null} for none ({@code link.password});
 *     never printed
 * @param keepAlive MQTT keep-alive: how soon the broker notices a dead agent and publishes its last
 *     will ({@code link.keepAlive})
 * @param connectTimeout how long one connection attempt may take ({@code link.connectTimeout})
 * @param reconnectMin the first reconnect delay ({@code link.reconnect.min})
 * @param reconnectMax the longest reconnect delay ({@code link.reconnect.max})
 * @param sessionExpiry how long the broker keeps the session (subscriptions, commands queued for
 *     the agent) after the connection drops ({@code link.sessionExpiry})
 * @param outboxDir where the store-and-forward outbox lives ({@code link.outbox.dir})
 * @param outboxMaxBytes the outbox's byte bound ({@code link.outbox.maxBytes})
 * @param telemetryQos MQTT QoS for telemetry, 0 or 1 ({@code link.telemetryQos}); with 0 a batch
 *     leaves the outbox once written to the socket
 */
public record HubLinkConfig(
    URI broker,
    Path caFile,
    String username,
    String password,
    Duration keepAlive,
    Duration connectTimeout,
    Duration reconnectMin,
    Duration reconnectMax,
    Duration sessionExpiry,
    Path outboxDir,
    long outboxMaxBytes,
    int telemetryQos) {

  public static final Duration DEFAULT_KEEP_ALIVE = Duration.ofSeconds(30);
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_RECONNECT_MIN = Duration.ofSeconds(1);
  public static final Duration DEFAULT_RECONNECT_MAX = Duration.ofMinutes(2);

  /**
   * An hour: commands sent during a short outage still arrive, stale ones from a long one do not.
   */
  public static final Duration DEFAULT_SESSION_EXPIRY = Duration.ofHours(1);

  /** Under the agent's state directory, as the Debian package lays it out. */
  public static final Path DEFAULT_OUTBOX_DIR = Path.of("/var/lib/hearth/outbox");

  /** 8 MiB: about half a day of a washer's telemetry at 1 Hz, next to its events. */
  public static final long DEFAULT_OUTBOX_MAX_BYTES = 8L * 1024 * 1024;

  public static final int DEFAULT_TELEMETRY_QOS = 1;

  private static final long MAX_SESSION_EXPIRY_SECONDS = 0xFFFF_FFFFL;

  public HubLinkConfig {
    checkBroker(broker);
    boolean tls = "ssl".equals(broker.getScheme().toLowerCase(Locale.ROOT));
    if (caFile != null) {
      if (!tls) {
        throw new LinkConfigException(
            "link.caFile",
            "is set but link.broker '"
                + broker
                + "' is plain tcp://; use ssl://host:8883 to talk TLS, or remove link.caFile");
      }
      if (!Files.isRegularFile(caFile) || !Files.isReadable(caFile)) {
        throw new LinkConfigException(
            "link.caFile",
            "'"
                + caFile
                + "' is not a readable file; give the PEM file of the CA that signed the hub's"
                + " certificate (enrollment stores it)");
      }
    }
    if (password != null && username == null) {
      throw new LinkConfigException(
          "link.password", "is set without link.username; enrollment stores both, give both");
    }
    if (username != null && (username.isEmpty() || username.length() > 1024)) {
      throw new LinkConfigException(
          "link.username", "must be 1 to 1024 characters; use the name enrollment stored");
    }
    checkWholeSeconds(keepAlive, "link.keepAlive", 5, 65_535, "e.g. 30s");
    checkWholeSeconds(connectTimeout, "link.connectTimeout", 1, 3_600, "e.g. 10s");
    checkPositive(reconnectMin, "link.reconnect.min", "e.g. 1s");
    checkPositive(reconnectMax, "link.reconnect.max", "e.g. 2m");
    if (reconnectMax.compareTo(reconnectMin) < 0) {
      throw new LinkConfigException(
          "link.reconnect.max",
          reconnectMax + " is shorter than link.reconnect.min " + reconnectMin + "; raise it");
    }
    checkWholeSeconds(
        sessionExpiry, "link.sessionExpiry", 0, MAX_SESSION_EXPIRY_SECONDS, "e.g. 1h");
    if (outboxDir == null) {
      throw new LinkConfigException(
          "link.outbox.dir",
          "is missing; give a directory the agent may write, e.g. " + DEFAULT_OUTBOX_DIR);
    }
    if (outboxMaxBytes < Outbox.MIN_MAX_BYTES) {
      throw new LinkConfigException(
          "link.outbox.maxBytes",
          outboxMaxBytes
              + " is below the minimum of "
              + Outbox.MIN_MAX_BYTES
              + " bytes (one largest telemetry batch and the events around it); the default is "
              + DEFAULT_OUTBOX_MAX_BYTES);
    }
    if (!TopicKind.TELEMETRY.allowsQos(telemetryQos)) {
      throw new LinkConfigException(
          "link.telemetryQos", telemetryQos + " is not allowed; use 1 (the default) or 0");
    }
  }

  /** A builder for the hub at {@code broker}, every other setting at its default. */
  public static Builder builder(URI broker) {
    return new Builder(broker);
  }

  /** Whether the link talks TLS. */
  public boolean tls() {
    return "ssl".equalsIgnoreCase(broker.getScheme());
  }

  /** Never prints the password. */
  @Override
  public String toString() {
    return "HubLinkConfig[broker="
        + broker
        + ", caFile="
        + caFile
        + ", username="
        + username
        + ", password="
        + (password == null ? "none" : "(hidden)")
        + ", keepAlive="
        + keepAlive
        + ", connectTimeout="
        + connectTimeout
        + ", reconnect="
        + reconnectMin
        + ".."
        + reconnectMax
        + ", sessionExpiry="
        + sessionExpiry
        + ", outboxDir="
        + outboxDir
        + ", outboxMaxBytes="
        + outboxMaxBytes
        + ", telemetryQos="
        + telemetryQos
        + "]";
  }

  private static void checkBroker(URI broker) {
    if (broker == null) {
      throw new LinkConfigException(
          "link.broker",
          "is missing; give the hub's MQTT endpoint, e.g. ssl://hub.example.org:8883");
    }
    String scheme = broker.getScheme() == null ? "" : broker.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("tcp") && !scheme.equals("ssl")) {
      throw new LinkConfigException(
          "link.broker",
          "'"
              + broker
              + "' must start with tcp:// or ssl://, e.g. ssl://hub.example.org:8883 (TLS) or"
              + " tcp://127.0.0.1:1883");
    }
    if (broker.getHost() == null) {
      throw new LinkConfigException(
          "link.broker", "'" + broker + "' names no host; write it as " + scheme + "://host:port");
    }
    if (broker.getRawUserInfo() != null) {
      throw new LinkConfigException(
          "link.broker",
          "'"
              + broker.getScheme()
              + "://...@"
              + broker.getHost()
              + "' carries credentials; put them in link.username and link.password instead");
    }
    if ((broker.getRawPath() != null && !broker.getRawPath().isEmpty())
        || broker.getRawQuery() != null
        || broker.getRawFragment() != null) {
      throw new LinkConfigException(
          "link.broker",
          "'" + broker + "' must be only " + scheme + "://host:port, without a path");
    }
  }

  private static void checkPositive(Duration d, String key, String example) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new LinkConfigException(key, "must be a positive duration, " + example + "; got " + d);
    }
  }

  private static void checkWholeSeconds(
      Duration d, String key, long min, long max, String example) {
    if (d == null || d.getNano() != 0 || d.getSeconds() < min || d.getSeconds() > max) {
      throw new LinkConfigException(
          key,
          "must be whole seconds from " + min + "s to " + max + "s, " + example + "; got " + d);
    }
  }

  /** Collects settings; {@link #build()} checks them. */
  public static final class Builder {
    private final URI broker;
    private Path caFile;
    private String username;
    private String password;
    private Duration keepAlive = DEFAULT_KEEP_ALIVE;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration reconnectMin = DEFAULT_RECONNECT_MIN;
    private Duration reconnectMax = DEFAULT_RECONNECT_MAX;
    private Duration sessionExpiry = DEFAULT_SESSION_EXPIRY;
    private Path outboxDir = DEFAULT_OUTBOX_DIR;
    private long outboxMaxBytes = DEFAULT_OUTBOX_MAX_BYTES;
    private int telemetryQos = DEFAULT_TELEMETRY_QOS;

    private Builder(URI broker) {
      this.broker = broker;
    }

    public Builder caFile(Path caFile) {
      this.caFile = caFile;
      return this;
    }

    /** The credentials enrollment stored. */
    public Builder credentials(String username, String password) {
      this.username = username;
      this.password = password;
      return this;
    }

    public Builder keepAlive(Duration keepAlive) {
      this.keepAlive = keepAlive;
      return this;
    }

    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = connectTimeout;
      return this;
    }

    public Builder reconnectBackoff(Duration min, Duration max) {
      this.reconnectMin = min;
      this.reconnectMax = max;
      return this;
    }

    public Builder sessionExpiry(Duration sessionExpiry) {
      this.sessionExpiry = sessionExpiry;
      return this;
    }

    public Builder outbox(Path dir, long maxBytes) {
      this.outboxDir = dir;
      this.outboxMaxBytes = maxBytes;
      return this;
    }

    public Builder telemetryQos(int telemetryQos) {
      this.telemetryQos = telemetryQos;
      return this;
    }

    /**
     * The checked config.
     *
     * @throws LinkConfigException naming the first wrong setting and its fix
     */
    public HubLinkConfig build() {
      return new HubLinkConfig(
          broker,
          caFile,
          username,
          password,
          keepAlive,
          connectTimeout,
          reconnectMin,
          reconnectMax,
          sessionExpiry,
          outboxDir,
          outboxMaxBytes,
          telemetryQos);
    }
  }
}
