package dev.hearth.hub.limits;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * Token buckets by key (an account, a client address). Thread-safe. Buckets live in this process
 * only: behind several hub instances each enforces its own share, which still bounds guessing.
 */
public final class RateLimiter {

  /** Above this many keys, full buckets (keys idle long enough) are dropped to bound memory. */
  static final int MAX_KEYS = 10_000;

  private final RateLimit limit;
  private final LongSupplier nanos;
  private final int maxKeys;
  private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  /** Buckets for keys that come and go (accounts, addresses), at most {@link #MAX_KEYS} kept. */
  public RateLimiter(RateLimit limit, Clock clock) {
    this(limit, () -> nanosOf(clock.instant()), MAX_KEYS);
  }

  private RateLimiter(RateLimit limit, LongSupplier nanos, int maxKeys) {
    this.limit = Objects.requireNonNull(limit, "limit");
    this.nanos = Objects.requireNonNull(nanos, "nanos");
    this.maxKeys = maxKeys;
  }

  /**
   * Buckets for a known population (devices), kept for the limiter's life: no sweeping on the hot
   * path. Time in nanoseconds from any fixed origin, e.g. {@code System::nanoTime}.
   */
  public static RateLimiter forever(RateLimit limit, LongSupplier nanos) {
    return new RateLimiter(limit, nanos, Integer.MAX_VALUE);
  }

  private static long nanosOf(Instant t) {
    return t.getEpochSecond() * 1_000_000_000L + t.getNano();
  }

  /** Takes one attempt from {@code key}'s bucket, or says how long until one is available. */
  public Decision tryAcquire(String key) {
    long now = nanos.getAsLong();
    if (buckets.size() > maxKeys) {
      buckets.values().removeIf(bucket -> bucket.isFull(now));
    }
    Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(limit, now));
    return bucket.take(now);
  }

  /** Forgets {@code key}'s attempts, e.g. after a successful login. */
  public void reset(String key) {
    buckets.remove(key);
  }

  /**
   * Whether an attempt may go ahead.
   *
   * @param allowed true when it may
   * @param retryAfter when refused, how long until the next attempt is allowed (whole seconds, at
   *     least one); zero when allowed
   */
  public record Decision(boolean allowed, Duration retryAfter) {

    static final Decision ALLOWED = new Decision(true, Duration.ZERO);

    static Decision refusedFor(long nanos) {
      long seconds = Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
      return new Decision(false, Duration.ofSeconds(seconds));
    }
  }

  private static final class Bucket {
    private final RateLimit limit;
    private final double refillNanos;
    private double tokens;
    private long updatedAt;

    Bucket(RateLimit limit, long now) {
      this.limit = limit;
      this.refillNanos = limit.refillEvery().toNanos();
      this.tokens = limit.capacity();
      this.updatedAt = now;
    }

    synchronized Decision take(long now) {
      refill(now);
      if (tokens >= 1) {
        tokens -= 1;
        return Decision.ALLOWED;
      }
      return Decision.refusedFor((long) Math.ceil((1 - tokens) * refillNanos));
    }

    synchronized boolean isFull(long now) {
      refill(now);
      return tokens >= limit.capacity();
    }

    private void refill(long now) {
      if (now > updatedAt) {
        tokens = Math.min(limit.capacity(), tokens + (now - updatedAt) / refillNanos);
        updatedAt = now;
      }
    }
  }
}
