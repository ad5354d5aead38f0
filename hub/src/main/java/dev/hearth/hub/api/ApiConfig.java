package dev.hearth.hub.api;

import java.time.Duration;

/**
 * How the API behaves. Build with {@link #builder()}; every setting has a named default, and {@link
 * Builder#build()} refuses one out of range with a message naming it.
 *
 * @param defaultPageSize items per page when the client does not ask
 * @param maxPageSize the most items a client may ask for in one page
 * @param rawTelemetryRange the longest time range answered with raw samples; longer ranges are
 *     answered with minute aggregates (a chart of an hour at one sample a second is 3,600 points,
 *     about what a phone screen can show; a day of raw samples is not)
 * @param maxTelemetryRange the longest time range a telemetry query may span
 * @param rawPointLimit the most raw samples one query returns
 * @param commandTtl how long a command waits for an offline device before it expires
 * @param bodyLimitBytes the largest request body accepted
 * @param liveHeartbeat how often an idle live stream gets a comment line (keeps proxies from
 *     closing it and lets the hub notice a vanished client)
 * @param liveSessionCheck how often a live stream re-checks that its session is still valid
 * @param maxLiveStreamsPerOwner live streams one owner may hold open on this instance
 * @param workerPoolSize threads running blocking store calls for the API
 * @param secureCookie mark the session cookie {@code Secure} even on plain HTTP (set it behind a
 *     TLS-terminating proxy); it is always {@code Secure} on HTTPS
 */
public record ApiConfig(
    int defaultPageSize,
    int maxPageSize,
    Duration rawTelemetryRange,
    Duration maxTelemetryRange,
    int rawPointLimit,
    Duration commandTtl,
    int bodyLimitBytes,
    Duration liveHeartbeat,
    Duration liveSessionCheck,
    int maxLiveStreamsPerOwner,
    int workerPoolSize,
    boolean secureCookie) {

  public static final int DEFAULT_PAGE_SIZE = 50;
  public static final int DEFAULT_MAX_PAGE_SIZE = 200;
  public static final Duration DEFAULT_RAW_TELEMETRY_RANGE = Duration.ofHours(1);
  public static final Duration DEFAULT_MAX_TELEMETRY_RANGE = Duration.ofDays(31);
  public static final int DEFAULT_RAW_POINT_LIMIT = 10_000;
  public static final Duration DEFAULT_COMMAND_TTL = Duration.ofMinutes(10);
  public static final int DEFAULT_BODY_LIMIT_BYTES = 64 * 1024;
  public static final Duration DEFAULT_LIVE_HEARTBEAT = Duration.ofSeconds(15);
  public static final Duration DEFAULT_LIVE_SESSION_CHECK = Duration.ofMinutes(1);
  public static final int DEFAULT_MAX_LIVE_STREAMS_PER_OWNER = 16;
  public static final int DEFAULT_WORKER_POOL_SIZE = 16;

  /** The session cookie's name. */
  public static final String SESSION_COOKIE = "hearth_session";

  public ApiConfig {
    requireBetween(defaultPageSize, "defaultPageSize", 1, maxPageSize);
    requireBetween(maxPageSize, "maxPageSize", 1, dev.hearth.hub.store.PageRequest.MAX_LIMIT);
    requireBetween(
        rawTelemetryRange, "rawTelemetryRange", Duration.ofMinutes(1), maxTelemetryRange);
    requireBetween(
        maxTelemetryRange, "maxTelemetryRange", Duration.ofMinutes(1), Duration.ofDays(400));
    requireBetween(rawPointLimit, "rawPointLimit", 1, 1_000_000);
    requireBetween(commandTtl, "commandTtl", Duration.ofSeconds(1), Duration.ofDays(7));
    requireBetween(bodyLimitBytes, "bodyLimitBytes", 1024, 16 * 1024 * 1024);
    requireBetween(liveHeartbeat, "liveHeartbeat", Duration.ofMillis(10), Duration.ofMinutes(5));
    requireBetween(
        liveSessionCheck, "liveSessionCheck", Duration.ofMillis(10), Duration.ofHours(1));
    requireBetween(maxLiveStreamsPerOwner, "maxLiveStreamsPerOwner", 1, 1000);
    requireBetween(workerPoolSize, "workerPoolSize", 1, 256);
  }

  private static void requireBetween(int value, String name, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          name + " must be between " + min + " and " + max + ", got " + value);
    }
  }

  private static void requireBetween(Duration value, String name, Duration min, Duration max) {
    if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new IllegalArgumentException(
          name + " must be between " + min + " and " + max + ", got " + value);
    }
  }

  /** The defaults. */
  public static ApiConfig defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link ApiConfig}, starting from the defaults. */
  public static final class Builder {
    private int defaultPageSize = DEFAULT_PAGE_SIZE;
    private int maxPageSize = DEFAULT_MAX_PAGE_SIZE;
    private Duration rawTelemetryRange = DEFAULT_RAW_TELEMETRY_RANGE;
    private Duration maxTelemetryRange = DEFAULT_MAX_TELEMETRY_RANGE;
    private int rawPointLimit = DEFAULT_RAW_POINT_LIMIT;
    private Duration commandTtl = DEFAULT_COMMAND_TTL;
    private int bodyLimitBytes = DEFAULT_BODY_LIMIT_BYTES;
    private Duration liveHeartbeat = DEFAULT_LIVE_HEARTBEAT;
    private Duration liveSessionCheck = DEFAULT_LIVE_SESSION_CHECK;
    private int maxLiveStreamsPerOwner = DEFAULT_MAX_LIVE_STREAMS_PER_OWNER;
    private int workerPoolSize = DEFAULT_WORKER_POOL_SIZE;
    private boolean secureCookie;

    private Builder() {}

    public Builder defaultPageSize(int value) {
      this.defaultPageSize = value;
      return this;
    }

    public Builder maxPageSize(int value) {
      this.maxPageSize = value;
      return this;
    }

    public Builder rawTelemetryRange(Duration value) {
      this.rawTelemetryRange = value;
      return this;
    }

    public Builder maxTelemetryRange(Duration value) {
      this.maxTelemetryRange = value;
      return this;
    }

    public Builder rawPointLimit(int value) {
      this.rawPointLimit = value;
      return this;
    }

    public Builder commandTtl(Duration value) {
      this.commandTtl = value;
      return this;
    }

    public Builder bodyLimitBytes(int value) {
      this.bodyLimitBytes = value;
      return this;
    }

    public Builder liveHeartbeat(Duration value) {
      this.liveHeartbeat = value;
      return this;
    }

    public Builder liveSessionCheck(Duration value) {
      this.liveSessionCheck = value;
      return this;
    }

    public Builder maxLiveStreamsPerOwner(int value) {
      this.maxLiveStreamsPerOwner = value;
      return this;
    }

    public Builder workerPoolSize(int value) {
      this.workerPoolSize = value;
      return this;
    }

    public Builder secureCookie(boolean value) {
      this.secureCookie = value;
      return this;
    }

    /**
     * The configuration.
     *
     * @throws IllegalArgumentException naming the first setting out of range
     */
    public ApiConfig build() {
      return new ApiConfig(
          defaultPageSize,
          maxPageSize,
          rawTelemetryRange,
          maxTelemetryRange,
          rawPointLimit,
          commandTtl,
          bodyLimitBytes,
          liveHeartbeat,
          liveSessionCheck,
          maxLiveStreamsPerOwner,
          workerPoolSize,
          secureCookie);
    }
  }
}
