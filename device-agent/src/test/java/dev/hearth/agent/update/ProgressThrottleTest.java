package dev.hearth.agent.update;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Download progress is reported every 10 % or every 2 s, whichever comes first, and at the end. */
class ProgressThrottleTest {

  private final AtomicLong nanos = new AtomicLong();

  @Test
  void everyTenthOfTheSizeWhenTheLinkIsFast() {
    var throttle = new ProgressThrottle(1000, 0.1, Duration.ofSeconds(2), nanos::get, 0);
    List<Double> reported = new ArrayList<>();
    for (long bytes = 16; bytes <= 1000; bytes += 16) {
      double f = throttle.due(bytes);
      if (f >= 0) {
        reported.add(Math.round(f * 100) / 100.0);
      }
    }
    if (throttle.due(1000) >= 0) {
      reported.add(1.0);
    }
    assertThat(reported).hasSize(10).endsWith(1.0);
    assertThat(reported.get(0)).isBetween(0.1, 0.12);
  }

  @Test
  void everyTwoSecondsWhenItIsSlow() {
    var throttle = new ProgressThrottle(1_000_000, 0.1, Duration.ofSeconds(2), nanos::get, 0);
    assertThat(throttle.due(1000)).isNegative();
    nanos.addAndGet(Duration.ofMillis(2100).toNanos());
    assertThat(throttle.due(2000)).isEqualTo(0.002);
    assertThat(throttle.due(3000)).isNegative();
  }

  @Test
  void aResumedDownloadCountsFromWhereItResumed() {
    var throttle = new ProgressThrottle(1000, 0.1, Duration.ofSeconds(2), nanos::get, 550);
    assertThat(throttle.due(560)).isNegative();
    assertThat(throttle.due(600)).isEqualTo(0.6);
  }
}
