package dev.hearth.hub.gateway;

/**
 * A token bucket: {@code capacity} tokens, refilled continuously at {@code perSecond}. Time comes
 * from the caller (nanoseconds from any fixed origin) so tests need no sleeping.
 */
final class TokenBucket {

  private static final double NANOS_PER_SECOND = 1e9;

  private final double perNano;
  private final double capacity;
  private double tokens;
  private long last;

  TokenBucket(int perSecond, int capacity, long nowNanos) {
    this.perNano = perSecond / NANOS_PER_SECOND;
    this.capacity = capacity;
    this.tokens = capacity;
    this.last = nowNanos;
  }

  /** Takes one token if there is one. */
  synchronized boolean tryTake(long nowNanos) {
    long elapsed = Math.max(0, nowNanos - last);
    last = Math.max(last, nowNanos);
    tokens = Math.min(capacity, tokens + elapsed * perNano);
    if (tokens < 1) {
      return false;
    }
    tokens -= 1;
    return true;
  }
}
