package dev.hearth.hub.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.hardware.time.SimulatedClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

  private final SimulatedClock clock = new SimulatedClock(Instant.parse("2030-01-01T00:00:00Z"));
  private final RateLimiter limiter =
      new RateLimiter(RateLimit.of(3, Duration.ofSeconds(10)), clock);

  @Test
  void allowsTheBurstThenSaysWhenToComeBack() {
    for (int i = 0; i < 3; i++) {
      assertThat(limiter.tryAcquire("a").allowed()).isTrue();
    }
    var refused = limiter.tryAcquire("a");
    assertThat(refused.allowed()).isFalse();
    assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(10));

    clock.advance(Duration.ofSeconds(4));
    assertThat(limiter.tryAcquire("a").retryAfter()).isEqualTo(Duration.ofSeconds(6));
    clock.advance(Duration.ofSeconds(6));
    assertThat(limiter.tryAcquire("a").allowed()).isTrue();
    assertThat(limiter.tryAcquire("a").allowed()).isFalse();
  }

  @Test
  void keysHaveTheirOwnBuckets() {
    for (int i = 0; i < 3; i++) {
      limiter.tryAcquire("a");
    }
    assertThat(limiter.tryAcquire("a").allowed()).isFalse();
    assertThat(limiter.tryAcquire("b").allowed()).isTrue();
  }

  @Test
  void resetForgetsAKeysAttempts() {
    for (int i = 0; i < 3; i++) {
      limiter.tryAcquire("a");
    }
    limiter.reset("a");
    assertThat(limiter.tryAcquire("a").allowed()).isTrue();
  }

  @Test
  void refillsNoFurtherThanTheCapacity() {
    clock.advance(Duration.ofDays(1));
    for (int i = 0; i < 3; i++) {
      assertThat(limiter.tryAcquire("a").allowed()).isTrue();
    }
    assertThat(limiter.tryAcquire("a").allowed()).isFalse();
  }

  @Test
  void dropsIdleKeysWhenTooManyAreKept() {
    for (int i = 0; i <= RateLimiter.MAX_KEYS + 10; i++) {
      limiter.tryAcquire("key-" + i);
    }
    clock.advance(Duration.ofMinutes(1));
    limiter.tryAcquire("one-more");
    // Everyone is full again and forgotten, except the key just used.
    for (int i = 0; i < 3; i++) {
      assertThat(limiter.tryAcquire("key-1").allowed()).isTrue();
    }
  }
}
