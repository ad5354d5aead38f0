package dev.hearth.agent.link;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.hardware.profile.TelemetryPlan;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TelemetryCadenceTest {

  /** Runs the cadence as the link does until {@code end}, returning when batches were cut. */
  private static List<Long> batchesUntil(TelemetryCadence cadence, long end) {
    var sent = new ArrayList<Long>();
    for (long t = cadence.nextSampleAt(); t <= end; t = cadence.nextSampleAt()) {
      if (cadence.sampled(t)) {
        sent.add(t);
      }
    }
    return sent;
  }

  @Test
  void aBatchEverySendIntervalOfWholeSamples() {
    var cadence = new TelemetryCadence(new TelemetryPlan(1, 5, List.of("x")), 0);
    assertThat(cadence.nextSampleAt()).isEqualTo(1_000);
    assertThat(batchesUntil(cadence, 16_000)).containsExactly(1_000L, 6_000L, 11_000L, 16_000L);
  }

  @Test
  void anEarlyBatchMovesTheNextRegularOneAWholeIntervalOn() {
    var cadence = new TelemetryCadence(new TelemetryPlan(1, 5, List.of("x")), 0);
    batchesUntil(cadence, 7_000);
    cadence.sentEarly(7_000);
    assertThat(batchesUntil(cadence, 20_000)).containsExactly(12_000L, 17_000L);
  }

  @Test
  void aSendIntervalShorterThanTheSampleIntervalSendsEverySample() {
    var cadence = new TelemetryCadence(new TelemetryPlan(2, 0.5, List.of("x")), 0);
    assertThat(batchesUntil(cadence, 6_000)).containsExactly(2_000L, 4_000L, 6_000L);
  }

  @Test
  void theFirstSampleIsSentAtOnceSoTheHubHearsFromANewAgentWithinASecond() {
    var cadence = new TelemetryCadence(new TelemetryPlan(1, 5, List.of("x")), 0);
    assertThat(cadence.sampled(1_000)).isTrue();
    assertThat(cadence.sampled(2_000)).isFalse();
  }

  @Test
  void missedSamplesAreSkippedNotCaughtUp() {
    var cadence = new TelemetryCadence(new TelemetryPlan(1, 5, List.of("x")), 0);
    assertThat(cadence.sampled(60_000)).isTrue();
    assertThat(cadence.nextSampleAt()).isEqualTo(61_000);
    assertThat(batchesUntil(cadence, 65_000)).containsExactly(65_000L);
  }
}
