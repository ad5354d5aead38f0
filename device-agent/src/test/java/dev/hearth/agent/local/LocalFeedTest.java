package dev.hearth.agent.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.hardware.profile.TelemetryPlan;
import dev.hearth.specs.wire.Decoded;
import dev.hearth.specs.wire.StateReport;
import dev.hearth.specs.wire.TelemetryBatch;
import dev.hearth.specs.wire.WireCodec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The feed keeps the latest state and sample encoded exactly as on the wire. */
class LocalFeedTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.ofEpochMilli(1_700_000_123_000L), ZoneOffset.UTC);
  private final WireCodec codec = new WireCodec();
  private final FakeAppliance appliance = new FakeAppliance();

  private <T extends dev.hearth.specs.wire.WirePayload> T decode(Class<T> type, byte[] bytes) {
    Decoded<T> decoded = codec.decode(type, bytes);
    assertThat(decoded.rejection()).isEmpty();
    return decoded.payload().orElseThrow();
  }

  @Test
  void followsTheApplianceFromItsCurrentStateAndKeepsTheNewestReport() {
    appliance.change(FakeAppliance.state(4, StateReport.Phase.IDLE, null));
    try (LocalFeed feed = LocalFeed.attach(appliance, CLOCK)) {
      AtomicInteger changes = new AtomicInteger();
      feed.listen(
          new LocalFeed.Listener() {
            @Override
            public void stateChanged() {
              changes.incrementAndGet();
            }
          });
      assertThat(decode(StateReport.class, feed.state()).seq()).isEqualTo(4);

      appliance.change(FakeAppliance.state(6, StateReport.Phase.RUNNING, "fill"));
      feed.onState(FakeAppliance.state(5, StateReport.Phase.RUNNING, "late"));

      assertThat(decode(StateReport.class, feed.state()).step()).isEqualTo("fill");
      assertThat(changes).hasValue(1);
    }
    assertThat(appliance.observerCount()).isZero();
  }

  @Test
  void eachSampleIsAOneSampleBatchNumberedFromOneWithoutNonFiniteValues() {
    LocalFeed feed = new LocalFeed(new TelemetryPlan(1, 5, List.of()), CLOCK);
    TelemetryBatch before = decode(TelemetryBatch.class, feed.telemetry());
    assertThat(before.seq()).isZero();
    assertThat(before.samples()).isEmpty();

    Map<String, Double> readings = new HashMap<>();
    readings.put("water_level", 12.5);
    readings.put("water_temp", Double.NaN);
    feed.onSample(readings);
    feed.onSample(Map.of("water_level", 13.0));

    TelemetryBatch batch = decode(TelemetryBatch.class, feed.telemetry());
    assertThat(batch.seq()).isEqualTo(2);
    assertThat(batch.samples())
        .containsExactly(
            new TelemetryBatch.Sample(1_700_000_123_000L, Map.of("water_level", 13.0)));
  }

  @Test
  void theSamplerTakesTheProfilesChannelsAtItsInterval() throws InterruptedException {
    appliance.read("water_level", 3.0);
    appliance.read("not_in_the_plan", 1.0);
    LocalFeed feed = LocalFeed.attach(appliance, CLOCK);
    assertThat(feed.sampleInterval()).hasSeconds(1);
    try (ReadingsSampler sampler = ReadingsSampler.start(appliance, feed)) {
      sampler.sampleNow();
      TelemetryBatch batch = decode(TelemetryBatch.class, feed.telemetry());
      assertThat(batch.seq()).isPositive();
      assertThat(batch.samples().get(0).v()).containsOnlyKeys("water_level");
    }
  }
}
