package dev.hearth.hub.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.specs.wire.DeviceId;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

  @Test
  void aFullBucketAllowsTheBurstThenTheRate() {
    var bucket = new TokenBucket(10, 30, 0);
    int taken = 0;
    while (bucket.tryTake(0)) {
      taken++;
    }
    assertThat(taken).isEqualTo(30);
    assertThat(bucket.tryTake(SECOND / 20)).isFalse(); // half a token
    assertThat(bucket.tryTake(SECOND / 10)).isTrue();
  }

  @Test
  void aQuietDeviceSavesUpToTheBurstOnly() {
    var bucket = new TokenBucket(10, 30, 0);
    while (bucket.tryTake(0)) {
      // empty it
    }
    long later = 3600 * SECOND;
    int taken = 0;
    while (bucket.tryTake(later)) {
      taken++;
    }
    assertThat(taken).isEqualTo(30);
  }

  @Test
  void devicesHaveTheirOwnBuckets() {
    var clock = new AtomicLong();
    var limiter = new DeviceRateLimiter(new RateLimit(1, 1), clock::get);
    var washer = new DeviceId("washer-01");
    var oven = new DeviceId("oven-01");

    assertThat(limiter.tryAcquire(washer)).isTrue();
    assertThat(limiter.tryAcquire(washer)).isFalse();
    assertThat(limiter.tryAcquire(oven)).isTrue();
  }
}
