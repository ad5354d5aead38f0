package dev.hearth.agent.hal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PulseRateTest {

  @Test
  void aSteadyPulseTrainGivesItsRateOnceTheWindowIsFull() {
    PulseRate rate = new PulseRate(1000, 32);
    long count = 0;
    double last = 0;
    for (long t = 0; t <= 3000; t += 100) {
      count += 2; // 20 Hz
      last = rate.sample(t, count);
    }
    assertThat(last).isCloseTo(20.0, within(1e-9));
  }

  @Test
  void slowPulsesAreAveragedOverTheWindowNotLostBetweenPolls() {
    PulseRate rate = new PulseRate(1000, 32);
    long count = 0;
    double last = 0;
    for (long t = 0; t <= 5000; t += 100) {
      if (t % 400 == 0) {
        count++; // 2.5 Hz: most polls see no pulse at all
      }
      last = rate.sample(t, count);
    }
    assertThat(last).isBetween(2.0, 3.0);
  }

  @Test
  void theRateFallsToZeroWhenPulsesStop() {
    PulseRate rate = new PulseRate(1000, 32);
    long count = 0;
    for (long t = 0; t <= 2000; t += 100) {
      count += 5;
      rate.sample(t, count);
    }
    double after = 0;
    for (long t = 2100; t <= 3500; t += 100) {
      after = rate.sample(t, count);
    }
    assertThat(after).isZero();
  }

  @Test
  void thereIsNoRateBeforeTwoSamples() {
    assertThat(new PulseRate(1000, 4).sample(0, 100)).isZero();
  }

  @Test
  void morePollsThanTheWindowHoldsShortenTheWindowInsteadOfFailing() {
    PulseRate rate = new PulseRate(1000, 4);
    long count = 0;
    double last = 0;
    for (long t = 0; t <= 2000; t += 10) {
      count += 1; // 100 Hz
      last = rate.sample(t, count);
    }
    assertThat(last).isCloseTo(100.0, within(1e-9));
  }
}
