package dev.hearth.hub.rollout;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * How the rollout engine runs. Build with {@link #builder(URI)}; every setting has a named default
 * and {@link Builder#build()} refuses one out of range with a message naming it.
 *
 * @param artifactHttpBase the hub's public HTTP(S) address as devices reach it; artifacts are
 *     offered at {@code {base}/api/v1/artifacts/{sha256}}, first
 * @param artifactCoapBase the hub's public CoAP(S) address, or null; artifacts are then also
 *     offered at {@code {base}/artifacts/{sha256}}, second
 * @param tick how often the engine steps every active rollout
 * @param newsInterval how often rollouts that changed are pushed to live streams
 * @param lease how long one hub instance holds a rollout it steps; another instance takes over a
 *     rollout whose lease ran out (its holder died)
 * @param offerTtl how long a device may take to start an offer; within a maintenance window the
 *     offer expires when the window closes, if that comes first
 * @param expiryGrace how long after an offer expired it is taken back, for progress events still on
 *     their way
 * @param offersPerTick the most offers one rollout makes in one step (spreads the artifact
 *     downloads of a large fleet over time)
 * @param intakeBatch devices read at once when taking devices in
 * @param instanceId names this hub instance in leases
 */
public record RolloutConfig(
    URI artifactHttpBase,
    URI artifactCoapBase,
    Duration tick,
    Duration newsInterval,
    Duration lease,
    Duration offerTtl,
    Duration expiryGrace,
    int offersPerTick,
    int intakeBatch,
    String instanceId) {

  public static final Duration DEFAULT_TICK = Duration.ofSeconds(5);
  public static final Duration DEFAULT_NEWS_INTERVAL = Duration.ofSeconds(1);
  public static final Duration DEFAULT_LEASE = Duration.ofSeconds(30);
  public static final Duration DEFAULT_OFFER_TTL = Duration.ofHours(6);
  public static final Duration DEFAULT_EXPIRY_GRACE = Duration.ofMinutes(2);
  public static final int DEFAULT_OFFERS_PER_TICK = 200;
  public static final int DEFAULT_INTAKE_BATCH = 500;

  public RolloutConfig {
    checkBase(artifactHttpBase, "artifactHttpBase", "http", "https");
    if (artifactCoapBase != null) {
      checkBase(artifactCoapBase, "artifactCoapBase", "coap", "coaps");
    }
    requireBetween(tick, "tick", Duration.ofMillis(10), Duration.ofMinutes(10));
    requireBetween(newsInterval, "newsInterval", Duration.ofMillis(10), Duration.ofMinutes(1));
    requireBetween(lease, "lease", tick.multipliedBy(2), Duration.ofHours(1));
    requireBetween(offerTtl, "offerTtl", Duration.ofMinutes(1), Duration.ofDays(30));
    requireBetween(expiryGrace, "expiryGrace", Duration.ZERO, Duration.ofHours(1));
    requireBetween(offersPerTick, "offersPerTick", 1, 100_000);
    requireBetween(intakeBatch, "intakeBatch", 1, 10_000);
    if (instanceId == null || instanceId.isBlank() || instanceId.length() > 128) {
      throw new IllegalArgumentException("instanceId must be 1 to 128 characters");
    }
  }

  /** The defaults, offering artifacts at {@code artifactHttpBase}. */
  public static Builder builder(URI artifactHttpBase) {
    return new Builder(artifactHttpBase);
  }

  private static void checkBase(URI base, String name, String... schemes) {
    Objects.requireNonNull(base, name);
    String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase(Locale.ROOT);
    if (!java.util.List.of(schemes).contains(scheme)
        || base.getHost() == null
        || base.getRawUserInfo() != null
        || base.getRawQuery() != null) {
      throw new IllegalArgumentException(
          name
              + " must be "
              + String.join(" or ", schemes)
              + "://host[:port][/path] as devices reach the hub, got "
              + base);
    }
  }

  private static void requireBetween(Duration value, String name, Duration min, Duration max) {
    if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new IllegalArgumentException(
          name + " must be between " + min + " and " + max + ", got " + value);
    }
  }

  private static void requireBetween(int value, String name, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          name + " must be between " + min + " and " + max + ", got " + value);
    }
  }

  /** Builds a {@link RolloutConfig}; unset values take the named defaults. */
  public static final class Builder {
    private final URI artifactHttpBase;
    private URI artifactCoapBase;
    private Duration tick = DEFAULT_TICK;
    private Duration newsInterval = DEFAULT_NEWS_INTERVAL;
    private Duration lease = DEFAULT_LEASE;
    private Duration offerTtl = DEFAULT_OFFER_TTL;
    private Duration expiryGrace = DEFAULT_EXPIRY_GRACE;
    private int offersPerTick = DEFAULT_OFFERS_PER_TICK;
    private int intakeBatch = DEFAULT_INTAKE_BATCH;
    private String instanceId = "hub-" + UUID.randomUUID();

    private Builder(URI artifactHttpBase) {
      this.artifactHttpBase = artifactHttpBase;
    }

    public Builder artifactCoapBase(URI value) {
      this.artifactCoapBase = value;
      return this;
    }

    public Builder tick(Duration value) {
      this.tick = value;
      return this;
    }

    public Builder newsInterval(Duration value) {
      this.newsInterval = value;
      return this;
    }

    public Builder lease(Duration value) {
      this.lease = value;
      return this;
    }

    public Builder offerTtl(Duration value) {
      this.offerTtl = value;
      return this;
    }

    public Builder expiryGrace(Duration value) {
      this.expiryGrace = value;
      return this;
    }

    public Builder offersPerTick(int value) {
      this.offersPerTick = value;
      return this;
    }

    public Builder intakeBatch(int value) {
      this.intakeBatch = value;
      return this;
    }

    public Builder instanceId(String value) {
      this.instanceId = value;
      return this;
    }

    /**
     * Checks and builds.
     *
     * @throws IllegalArgumentException naming the setting that is out of range
     */
    public RolloutConfig build() {
      return new RolloutConfig(
          artifactHttpBase,
          artifactCoapBase,
          tick,
          newsInterval,
          lease,
          offerTtl,
          expiryGrace,
          offersPerTick,
          intakeBatch,
          instanceId);
    }
  }
}
