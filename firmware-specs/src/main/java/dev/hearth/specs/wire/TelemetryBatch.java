package dev.hearth.specs.wire;

import java.util.List;
import java.util.Map;

/**
 * Samples a device publishes on {@code telemetry}, batched to save round trips.
 *
 * @param seq batch number, one more than the device's previous batch, so the hub sees gaps
 * @param samples the samples in time order
 * @param dropped samples the device's offline buffer discarded since the previous batch
 */
public record TelemetryBatch(long seq, List<Sample> samples, long dropped) implements WirePayload {

  /**
   * Channel readings taken at one instant.
   *
   * @param t when, epoch milliseconds
   * @param v channel name to reading, in the channel's unit as the hardware profile declares it
   */
  public record Sample(long t, Map<String, Double> v) {
    public Sample {
      Check.epochMillis(t, "t");
      v = Check.numbers(v, "v");
    }
  }

  public TelemetryBatch {
    Check.nonNegative(seq, "seq");
    samples = Check.list(samples, "samples");
    Check.nonNegative(dropped, "dropped");
  }

  /** A batch with nothing dropped. */
  public TelemetryBatch(long seq, List<Sample> samples) {
    this(seq, samples, 0);
  }

  @Override
  public TopicKind topicKind() {
    return TopicKind.TELEMETRY;
  }
}
