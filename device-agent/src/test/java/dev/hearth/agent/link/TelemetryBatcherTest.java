package dev.hearth.agent.link;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.hardware.profile.TelemetryPlan;
import dev.hearth.specs.wire.TelemetryBatch;
import dev.hearth.specs.wire.TopicKind;
import dev.hearth.specs.wire.WireCodec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TelemetryBatcherTest {

  private static final long T0 = 1_750_000_000_000L;
  private final WireCodec codec = new WireCodec();

  @Test
  void samplesOnlyThePlansChannelsThatHaveAFiniteReading() {
    var batcher =
        new TelemetryBatcher(
            new TelemetryPlan(1, 5, List.of("water_temp", "water_level", "leak")), codec);
    var readings = new HashMap<String, Double>();
    readings.put("water_temp", 40.5);
    readings.put("water_level", Double.NaN);
    readings.put("motor_speed", 1200.0);

    batcher.sample(T0, readings);
    batcher.sample(T0 + 1000, Map.of());
    batcher.sample(T0 + 2000, Map.of("motor_speed", 1.0));

    List<List<TelemetryBatch.Sample>> batches = batcher.cut();
    assertThat(batches).hasSize(1);
    assertThat(batches.get(0)).hasSize(1);
    assertThat(batches.get(0).get(0).v()).containsExactly(Map.entry("water_temp", 40.5));
    assertThat(batcher.isEmpty()).isTrue();
    assertThat(batcher.cut()).isEmpty();
  }

  @Test
  void aBacklogTooLargeForOneBatchIsSplitInTimeOrder() {
    List<String> channels =
        List.of(
            "a_channel_with_a_long_name_1",
            "a_channel_with_a_long_name_2",
            "a_channel_with_a_long_name_3");
    var batcher = new TelemetryBatcher(new TelemetryPlan(1, 3600, channels), codec);
    Map<String, Double> readings =
        Map.of(
            channels.get(0), 123.456789, channels.get(1), -98.7654321, channels.get(2), 0.000123);
    int samples = 3000;
    for (int i = 0; i < samples; i++) {
      batcher.sample(T0 + i * 1000L, readings);
    }

    List<List<TelemetryBatch.Sample>> batches = batcher.cut();
    assertThat(batches).hasSizeGreaterThan(1);
    assertThat(batches.stream().mapToInt(List::size).sum()).isEqualTo(samples);
    long previous = 0;
    for (List<TelemetryBatch.Sample> batch : batches) {
      int bytes = codec.encode(new TelemetryBatch(Long.MAX_VALUE, batch, Long.MAX_VALUE)).length;
      assertThat(bytes).isLessThanOrEqualTo(TopicKind.TELEMETRY.maxPayloadBytes());
      assertThat(batch.get(0).t()).isGreaterThan(previous);
      previous = batch.get(batch.size() - 1).t();
    }
  }
}
