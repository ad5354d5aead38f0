package dev.hearth.hub.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.specs.wire.DeviceId;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DeviceRateLimiterTest {

  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
  private static final DeviceId WASHER = new DeviceId("washer-01");

  private final AtomicLong clock = new AtomicLong();
  private final DeviceRateLimiter limiter =
      new DeviceRateLimiter(new RateLimit(10, 30), clock::get);

  @Test
  void aQuietDeviceMaySendTheBurstThenTheRate() {
    assertThat(takeAll()).isEqualTo(30);
    clock.set(SECOND / 20); // half a token
    assertThat(limiter.tryAcquire(WASHER)).isFalse();
    clock.set(SECOND / 10 + SECOND / 20);
    assertThat(limiter.tryAcquire(WASHER)).isTrue();
  }

  @Test
  void aQuietDeviceSavesUpToTheBurstOnly() {
    takeAll();
    clock.set(3600 * SECOND);
    assertThat(takeAll()).isEqualTo(30);
  }

  @Test
  void aFastRateIsKeptToTheNanosecond() {
    var fast = new DeviceRateLimiter(new RateLimit(5_000, 5_000), clock::get);
    int taken = 0;
    while (fast.tryAcquire(WASHER)) {
      taken++;
    }
    assertThat(taken).isEqualTo(5_000);
    clock.set(SECOND / 1_000); // five more
    taken = 0;
    while (fast.tryAcquire(WASHER)) {
      taken++;
    }
    assertThat(taken).isEqualTo(5);
  }

  @Test
  void devicesHaveTheirOwnBuckets() {
    var strict = new DeviceRateLimiter(new RateLimit(1, 1), clock::get);
    var oven = new DeviceId("oven-01");

    assertThat(strict.tryAcquire(WASHER)).isTrue();
    assertThat(strict.tryAcquire(WASHER)).isFalse();
    assertThat(strict.tryAcquire(oven)).isTrue();
  }

  private int takeAll() {
    int taken = 0;
    while (limiter.tryAcquire(WASHER)) {
      taken++;
    }
    return taken;
  }
}
