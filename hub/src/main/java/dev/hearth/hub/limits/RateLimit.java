package dev.hearth.hub.limits;

import java.time.Duration;
import java.util.Objects;

/**
 * A token bucket's shape: up to {@code capacity} attempts at once, then one more every {@code
 * refillEvery}.
 *
 * @param capacity the burst allowed, at least 1
 * @param refillEvery how long until one more attempt is allowed, positive
 */
public record RateLimit(int capacity, Duration refillEvery) {

  public RateLimit {
    Objects.requireNonNull(refillEvery, "refillEvery");
    if (capacity < 1) {
      throw new IllegalArgumentException("rate limit capacity must be at least 1, got " + capacity);
    }
    if (refillEvery.isNegative() || refillEvery.isZero()) {
      throw new IllegalArgumentException(
          "rate limit refill interval must be positive, got " + refillEvery);
    }
  }

  /** {@code capacity} attempts at once, then one every {@code refillEvery}. */
  public static RateLimit of(int capacity, Duration refillEvery) {
    return new RateLimit(capacity, refillEvery);
  }
}
