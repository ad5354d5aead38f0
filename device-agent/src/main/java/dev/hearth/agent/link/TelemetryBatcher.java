package dev.hearth.agent.link;

import dev.hearth.hardware.profile.TelemetryPlan;
import dev.hearth.specs.wire.TelemetryBatch;
import dev.hearth.specs.wire.WireCodec;
import dev.hearth.specs.wire.WireError;
import dev.hearth.specs.wire.WireException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects samples of the plan's channels and cuts them into batches that fit the wire limit.
 * Timing is the caller's: it calls {@link #sample} every {@code sampleSeconds} and {@link #cut}
 * every {@code sendSeconds} and on a state change. Not thread-safe.
 */
final class TelemetryBatcher {

  private static final Logger log = LoggerFactory.getLogger(TelemetryBatcher.class);

  private final List<String> channels;
  private final WireCodec codec;
  private List<TelemetryBatch.Sample> buffer = new ArrayList<>();
  private boolean warnedNonFinite;

  TelemetryBatcher(TelemetryPlan plan, WireCodec codec) {
    this.channels = List.copyOf(plan.channels());
    this.codec = codec;
  }

  /**
   * Adds a sample of the plan's channels at {@code t} from {@code readings}; channels without a
   * reading (or with a non-finite one) are left out, and a sample with no channel is not taken.
   */
  void sample(long t, Map<String, Double> readings) {
    var values = new TreeMap<String, Double>();
    for (String channel : channels) {
      Double value = readings.get(channel);
      if (value == null) {
        continue;
      }
      if (!Double.isFinite(value)) {
        if (!warnedNonFinite) {
          log.warn(
              "channel {} read {}; left out of telemetry while it is not a number", channel, value);
          warnedNonFinite = true;
        }
        continue;
      }
      values.put(channel, value);
    }
    if (!values.isEmpty()) {
      buffer.add(new TelemetryBatch.Sample(t, values));
    }
  }

  boolean isEmpty() {
    return buffer.isEmpty();
  }

  /**
   * The samples so far, as one or more batches in time order, each small enough for the wire with
   * any seq and {@code dropped}; empties the buffer.
   */
  List<List<TelemetryBatch.Sample>> cut() {
    List<TelemetryBatch.Sample> samples = buffer;
    buffer = new ArrayList<>();
    var batches = new ArrayList<List<TelemetryBatch.Sample>>();
    split(samples, batches);
    return batches;
  }

  private void split(List<TelemetryBatch.Sample> samples, List<List<TelemetryBatch.Sample>> out) {
    if (samples.isEmpty()) {
      return;
    }
    if (fits(samples)) {
      out.add(List.copyOf(samples));
      return;
    }
    if (samples.size() == 1) {
      log.error(
          "one telemetry sample of {} channels is larger than a whole batch may be; dropped",
          samples.get(0).v().size());
      return;
    }
    int half = samples.size() / 2;
    split(samples.subList(0, half), out);
    split(samples.subList(half, samples.size()), out);
  }

  /** Checks with the longest seq and {@code dropped} there can be, so the real ones fit too. */
  private boolean fits(List<TelemetryBatch.Sample> samples) {
    try {
      codec.encode(new TelemetryBatch(Long.MAX_VALUE, samples, Long.MAX_VALUE));
      return true;
    } catch (WireException e) {
      if (e.error().code() == WireError.Code.TOO_LARGE) {
        return false;
      }
      throw e;
    }
  }
}
