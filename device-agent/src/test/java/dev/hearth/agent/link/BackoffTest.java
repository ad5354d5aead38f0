package dev.hearth.agent.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {

  private static final Duration MIN = Duration.ofSeconds(1);
  private static final Duration MAX = Duration.ofSeconds(120);

  @Test
  void stepsDoubleFromTwiceTheMinimumUpToTheMaximum() {
    var lowest = new Backoff(MIN, MAX, () -> 0.0);
    var highest = new Backoff(MIN, MAX, () -> 0.999_999);

    assertThat(lowest.delay(0)).isEqualTo(Duration.ofSeconds(1));
    assertThat(highest.delay(0)).isEqualTo(Duration.ofSeconds(2));
    assertThat(highest.delay(1)).isEqualTo(Duration.ofSeconds(4));
    assertThat(highest.delay(2)).isEqualTo(Duration.ofSeconds(8));
    assertThat(lowest.delay(2)).isEqualTo(Duration.ofSeconds(4));
    assertThat(highest.delay(6)).isEqualTo(Duration.ofSeconds(120));
    assertThat(lowest.delay(6)).isEqualTo(Duration.ofSeconds(60));
    assertThat(highest.delay(1_000)).as("no overflow").isEqualTo(Duration.ofSeconds(120));
  }

  @Test
  void delaysStayWithinTheBoundsAndSpreadOverTheUpperHalfOfEachStep() {
    var backoff = new Backoff(MIN, MAX, new Random(42)::nextDouble);
    for (int attempt = 0; attempt < 12; attempt++) {
      long step = Math.min(120_000, 2_000L << attempt);
      long lowest = Long.MAX_VALUE;
      long highest = 0;
      for (int i = 0; i < 500; i++) {
        long d = backoff.delay(attempt).toMillis();
        assertThat(d).isBetween(Math.max(1_000, step / 2), step);
        lowest = Math.min(lowest, d);
        highest = Math.max(highest, d);
      }
      assertThat(highest - lowest).as("jittered, attempt %d", attempt).isGreaterThan(step / 4);
    }
  }

  @Test
  void aMaximumBelowTwiceTheMinimumNeverGoesBelowTheMinimum() {
    var backoff = new Backoff(Duration.ofSeconds(10), Duration.ofSeconds(12), () -> 0.0);
    assertThat(backoff.delay(0)).isEqualTo(Duration.ofSeconds(10));
    assertThat(backoff.delay(5)).isEqualTo(Duration.ofSeconds(10));
  }
}
