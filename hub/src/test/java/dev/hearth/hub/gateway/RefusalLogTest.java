package dev.hearth.hub.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.hub.gateway.testing.LogCapture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RefusalLogTest {

  @Test
  void aRepeatedRefusalIsLoggedOnceASecondWithACountOfTheRest() {
    var clock = new AtomicLong();
    var log = new RefusalLog(clock::get);
    try (LogCapture lines = LogCapture.of(RefusalLog.class)) {
      for (int i = 0; i < 5; i++) {
        log.refused("mqtt", "washer-01", "publish", "t", "RATE_LIMITED", "slow down");
      }
      log.refused("mqtt", "washer-01", "publish", "t", "NOT_JSON", "bad");
      clock.addAndGet(TimeUnit.SECONDS.toNanos(1));
      log.refused("mqtt", "washer-01", "publish", "t", "RATE_LIMITED", "slow down");

      assertThat(lines.lines()).hasSize(3);
      assertThat(lines.lines().get(2)).contains("4 similar refusals not logged");
    }
  }

  @Test
  void whatADeviceSentCannotForgeLogLines() {
    assertThat(RefusalLog.clean("evil\nWARN forged")).isEqualTo("evil?WARN forged");
    assertThat(RefusalLog.clean("x".repeat(1000))).hasSizeLessThan(400);
  }
}
