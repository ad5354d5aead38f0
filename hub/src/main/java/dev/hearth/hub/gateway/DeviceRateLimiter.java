package dev.hearth.hub.gateway;

import dev.hearth.specs.wire.DeviceId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One {@link TokenBucket} per device, shared by all its connections and both transports, so a
 * device cannot escape its limit by reconnecting or switching to CoAP. Buckets are kept for the
 * life of the gateway: a few dozen bytes per device the hub knows.
 */
public final class DeviceRateLimiter {

  private final RateLimit limit;
  private final LongSupplier nanoClock;
  private final Map<DeviceId, TokenBucket> buckets = new ConcurrentHashMap<>();

  public DeviceRateLimiter(RateLimit limit) {
    this(limit, System::nanoTime);
  }

  DeviceRateLimiter(RateLimit limit, LongSupplier nanoClock) {
    this.limit = limit;
    this.nanoClock = nanoClock;
  }

  public RateLimit limit() {
    return limit;
  }

  /** Whether {@code device} may publish one more message now; takes a token if so. */
  public boolean tryAcquire(DeviceId device) {
    long now = nanoClock.getAsLong();
    return buckets
        .computeIfAbsent(device, d -> new TokenBucket(limit.perSecond(), limit.burst(), now))
        .tryTake(now);
  }
}
