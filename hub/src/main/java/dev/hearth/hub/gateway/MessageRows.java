package dev.hearth.hub.gateway;

import dev.hearth.hub.store.IngestBatch.CommandResultRow;
import dev.hearth.hub.store.IngestBatch.EventRow;
import dev.hearth.hub.store.IngestBatch.Sample;
import dev.hearth.hub.store.IngestBatch.StateRow;
import dev.hearth.hub.store.IngestBatch.StatusRow;
import dev.hearth.hub.store.IngestBatch.TelemetryRow;
import dev.hearth.specs.wire.CommandResult;
import dev.hearth.specs.wire.DeviceId;
import dev.hearth.specs.wire.Event;
import dev.hearth.specs.wire.StateReport;
import dev.hearth.specs.wire.Status;
import dev.hearth.specs.wire.TelemetryBatch;
import dev.hearth.specs.wire.WirePayload;
import java.nio.charset.StandardCharsets;

/**
 * The store rows one accepted device message becomes: exactly one of the fields is set.
 *
 * @param telemetry a telemetry batch
 * @param event an event
 * @param state a state report
 * @param status a presence change
 * @param commandResult a command's result
 */
record MessageRows(
    TelemetryRow telemetry,
    EventRow event,
    StateRow state,
    StatusRow status,
    CommandResultRow commandResult) {

  /**
   * Converts a decoded payload. {@code raw} is the payload as received, kept for events and states
   * so the API can show exactly what the device sent.
   */
  static MessageRows of(DeviceId device, WirePayload payload, byte[] raw, long receivedAt) {
    String id = device.value();
    if (payload instanceof TelemetryBatch t) {
      return new MessageRows(
          new TelemetryRow(
              id,
              t.seq(),
              receivedAt,
              t.dropped(),
              t.samples().stream().map(s -> new Sample(s.t(), s.v())).toList()),
          null,
          null,
          null,
          null);
    }
    if (payload instanceof Event e) {
      return new MessageRows(
          null,
          new EventRow(
              id, e.seq(), e.ts(), e.type(), e.severity().wireName(), e.message(), text(raw)),
          null,
          null,
          null);
    }
    if (payload instanceof StateReport s) {
      return new MessageRows(null, null, new StateRow(id, s.seq(), s.ts(), text(raw)), null, null);
    }
    if (payload instanceof Status s) {
      return status(device, s, s.ts());
    }
    if (payload instanceof CommandResult r) {
      return new MessageRows(
          null,
          null,
          null,
          null,
          new CommandResultRow(id, r.id(), r.status().wireName(), r.message(), receivedAt));
    }
    // Hub→device kinds never get here: the access rule refuses them before decoding.
    throw new IllegalArgumentException(payload.topicKind() + " does not flow from device to hub");
  }

  /** A status as reported, stamped {@code ts}. */
  static MessageRows status(DeviceId device, Status s, long ts) {
    return new MessageRows(
        null,
        null,
        null,
        new StatusRow(
            device.value(),
            s.state().wireName(),
            ts,
            s.agentVersion(),
            s.installedFirmware().map(Status.Firmware::name).orElse(null),
            s.installedFirmware().map(Status.Firmware::version).orElse(null)),
        null);
  }

  /**
   * An offline status the hub concludes itself (clean disconnect, lost connection without a usable
   * will): the versions are unknown here, so they are null and the store keeps the last reported.
   */
  static MessageRows offline(DeviceId device, long ts) {
    return new MessageRows(
        null,
        null,
        null,
        new StatusRow(device.value(), Status.Presence.OFFLINE.wireName(), ts, null, null, null),
        null);
  }

  private static String text(byte[] raw) {
    // The codec accepted it, so it is valid UTF-8.
    return new String(raw, StandardCharsets.UTF_8);
  }
}
