package dev.hearth.hub.store;

import java.util.List;

/**
 * Device messages to make durable together: what the gateway's group commit collected over a few
 * milliseconds.
 */
public record IngestBatch(
    List<TelemetryRow> telemetry,
    List<EventRow> events,
    List<StateRow> states,
    List<StatusRow> statuses,
    List<CommandResultRow> commandResults) {

  public IngestBatch {
    telemetry = List.copyOf(telemetry);
    events = List.copyOf(events);
    states = List.copyOf(states);
    statuses = List.copyOf(statuses);
    commandResults = List.copyOf(commandResults);
  }

  public boolean isEmpty() {
    return telemetry.isEmpty()
        && events.isEmpty()
        && states.isEmpty()
        && statuses.isEmpty()
        && commandResults.isEmpty();
  }

  /**
   * One telemetry batch from a device.
   *
   * @param deviceId the device
   * @param seq the batch's sequence number (gap detection)
   * @param receivedAt when the hub received it, epoch millis
   * @param dropped samples the device reported lost before this batch
   * @param samples the samples: each a timestamp and channel values
   */
  public record TelemetryRow(
      String deviceId, long seq, long receivedAt, long dropped, List<Sample> samples) {
    public TelemetryRow {
      samples = List.copyOf(samples);
    }
  }

  /** One sample: a timestamp (epoch millis) and channel values. */
  public record Sample(long ts, java.util.Map<String, Double> values) {
    public Sample {
      values = java.util.Map.copyOf(values);
    }
  }

  /** One event, stored once per (device, seq); {@code json} is the wire payload as received. */
  public record EventRow(
      String deviceId,
      long seq,
      long ts,
      String type,
      String severity,
      String message,
      String json) {}

  /** The latest state report of a device; {@code json} is the wire payload. */
  public record StateRow(String deviceId, long seq, long ts, String json) {}

  /**
   * A presence change: {@code online} or {@code offline}, with the versions the device reported.
   */
  public record StatusRow(
      String deviceId,
      String presence,
      long ts,
      String agentVersion,
      String firmwareName,
      String firmwareVersion) {}

  /** A device's answer to a command. */
  public record CommandResultRow(
      String deviceId, String commandId, String outcome, String message, long ts) {}
}
