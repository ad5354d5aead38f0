package dev.hearth.hub.store;

import dev.hearth.hub.store.IngestBatch.CommandResultRow;
import dev.hearth.hub.store.IngestBatch.EventRow;
import dev.hearth.hub.store.IngestBatch.Sample;
import dev.hearth.hub.store.IngestBatch.StateRow;
import dev.hearth.hub.store.IngestBatch.StatusRow;
import dev.hearth.hub.store.IngestBatch.TelemetryRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads like the messages a gateway collects: {@code batch().telemetry(...).event(...).build()}.
 */
public final class IngestBatches {

  private final List<TelemetryRow> telemetry = new ArrayList<>();
  private final List<EventRow> events = new ArrayList<>();
  private final List<StateRow> states = new ArrayList<>();
  private final List<StatusRow> statuses = new ArrayList<>();
  private final List<CommandResultRow> results = new ArrayList<>();

  private IngestBatches() {}

  public static IngestBatches batch() {
    return new IngestBatches();
  }

  /** A telemetry message with the given samples, received at its last sample's time. */
  public IngestBatches telemetry(String deviceId, long seq, Sample... samples) {
    long received = samples.length == 0 ? 0 : samples[samples.length - 1].ts();
    return telemetry(deviceId, seq, 0, received, samples);
  }

  public IngestBatches telemetry(
      String deviceId, long seq, long dropped, long receivedAt, Sample... samples) {
    telemetry.add(new TelemetryRow(deviceId, seq, receivedAt, dropped, List.of(samples)));
    return this;
  }

  public IngestBatches event(String deviceId, long seq, long ts, String type) {
    events.add(
        new EventRow(
            deviceId,
            seq,
            ts,
            type,
            "info",
            type + " happened",
            "{\"seq\":" + seq + ",\"type\":\"" + type + "\"}"));
    return this;
  }

  public IngestBatches event(EventRow row) {
    events.add(row);
    return this;
  }

  public IngestBatches state(String deviceId, long seq, long ts, String json) {
    states.add(new StateRow(deviceId, seq, ts, json));
    return this;
  }

  public IngestBatches status(
      String deviceId, String presence, long ts, String agentVersion, String firmwareVersion) {
    statuses.add(
        new StatusRow(
            deviceId,
            presence,
            ts,
            agentVersion,
            firmwareVersion == null ? null : "washer-programs",
            firmwareVersion));
    return this;
  }

  public IngestBatches result(String deviceId, String commandId, String outcome, long ts) {
    results.add(new CommandResultRow(deviceId, commandId, outcome, outcome + " message", ts));
    return this;
  }

  public IngestBatch build() {
    return new IngestBatch(telemetry, events, states, statuses, results);
  }

  /** One sample: {@code sample(ts, "temp", 21.5, "power", 1200.0)}. */
  public static Sample sample(long ts, Object... channelValues) {
    Map<String, Double> values = new LinkedHashMap<>();
    for (int i = 0; i < channelValues.length; i += 2) {
      values.put((String) channelValues[i], ((Number) channelValues[i + 1]).doubleValue());
    }
    return new Sample(ts, values);
  }

  /**
   * {@code count} samples one second apart from {@code start}, each with {@code channels} channels
   * {@code c0..} whose value is the sample's index plus the channel's number tenths.
   */
  public static Sample[] series(long start, int count, int channels) {
    Sample[] out = new Sample[count];
    for (int i = 0; i < count; i++) {
      Map<String, Double> values = new LinkedHashMap<>();
      for (int c = 0; c < channels; c++) {
        values.put("c" + c, i + c / 10.0);
      }
      out[i] = new Sample(start + i * 1000L, values);
    }
    return out;
  }
}
