package dev.hearth.hub.registry;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Token buckets by key (an account, a client address). Thread-safe. Buckets live in this process
 * only: behind several hub instances each enforces its own share, which still bounds guessing.
 */
public final class RateLimiter {

  /** Above this many keys, full buckets (keys idle long enough) are dropped to bound memory. */
  static final int MAX_KEYS = 10_000;

  private final RateLimit limit;
  private final Clock clock;
  private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  public RateLimiter(RateLimit limit, Clock clock) {
    this.limit = Objects.requireNonNull(limit, "limit");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Takes one attempt from {@code key}'s bucket, or says how long until one is available. */
  public Decision tryAcquire(String key) {
    long now = clock.millis();
    if (buckets.size() > MAX_KEYS) {
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

    static Decision refusedFor(long millis) {
      long seconds = Math.max(1, (millis + 999) / 1000);
      return new Decision(false, Duration.ofSeconds(seconds));
    }
  }

  private static final class Bucket {
    private final RateLimit limit;
    private final double refillMillis;
    private double tokens;
    private long updatedAt;

    Bucket(RateLimit limit, long now) {
      this.limit = limit;
      this.refillMillis = limit.refillEvery().toMillis();
      this.tokens = limit.capacity();
      this.updatedAt = now;
    }

    synchronized Decision take(long now) {
      refill(now);
      if (tokens >= 1) {
        tokens -= 1;
        return Decision.ALLOWED;
      }
      return Decision.refusedFor((long) Math.ceil((1 - tokens) * refillMillis));
    }

    synchronized boolean isFull(long now) {
      refill(now);
      return tokens >= limit.capacity();
    }

    private void refill(long now) {
      if (now > updatedAt) {
        tokens = Math.min(limit.capacity(), tokens + (now - updatedAt) / refillMillis);
        updatedAt = now;
      }
    }
  }
}
