package dev.hearth.hub.gateway;

import dev.hearth.hub.limits.RateLimiter;
import dev.hearth.specs.wire.DeviceId;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * One token bucket per device, shared by all its connections and both transports, so a device
 * cannot escape its limit by reconnecting or switching to CoAP. Buckets are kept for the life of
 * the gateway: a few dozen bytes per device the hub knows.
 */
public final class DeviceRateLimiter {

  private final RateLimit limit;
  private final RateLimiter buckets;

  public DeviceRateLimiter(RateLimit limit) {
    this(limit, System::nanoTime);
  }

  DeviceRateLimiter(RateLimit limit, LongSupplier nanoClock) {
    this.limit = limit;
    this.buckets =
        RateLimiter.forever(
            dev.hearth.hub.limits.RateLimit.of(
                limit.burst(), Duration.ofNanos(1_000_000_000L / limit.perSecond())),
            nanoClock);
  }

  public RateLimit limit() {
    return limit;
  }

  /** Whether {@code device} may publish one more message now; takes a token if so. */
  public boolean tryAcquire(DeviceId device) {
    return buckets.tryAcquire(device.value()).allowed();
  }
}
