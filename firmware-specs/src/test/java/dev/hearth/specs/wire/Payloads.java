package dev.hearth.specs.wire;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.hardware.profile.ProfileRef;
import java.net.URI;
import java.util.List;
import java.util.Map;

/** Typical valid payloads, one per kind, for tests that need "a good one" to start from. */
final class Payloads {

  static final long TS = 1_767_225_600_000L;
  static final DeviceId WASHER = new DeviceId("washer-01");
  static final DeviceId OTHER = new DeviceId("washer-02");

  private Payloads() {}

  static Status status() {
    return new Status(
        Status.Presence.ONLINE,
        "0.4.1",
        new Status.Firmware("washer-programs", "1.2.0"),
        ProfileRef.parse("open-washer@1"),
        TS);
  }

  static TelemetryBatch telemetry() {
    return new TelemetryBatch(
        41,
        List.of(
            new TelemetryBatch.Sample(TS, Map.of("waterLevel", 12.5, "drumRpm", 0.0)),
            new TelemetryBatch.Sample(TS + 1000, Map.of("waterLevel", 13.0))),
        2);
  }

  static StateReport state() {
    return new StateReport(
        TS,
        310,
        StateReport.Phase.RUNNING,
        "cotton-40",
        "heat",
        3120L,
        StateReport.Door.CLOSED,
        StateReport.Lock.LOCKED,
        List.of(),
        Map.of("heater", 1.0, "motorPwm", 0.35));
  }

  static Event event() {
    ObjectNode data = object();
    data.put("program", "cotton-40");
    return new Event(
        1024, TS, EventType.CYCLE_FINISHED, Event.Severity.INFO, "cotton-40 finished", data);
  }

  static Command command() {
    ObjectNode args = object();
    args.put("program", "cotton-40");
    return new Command("cmd-17", "start", args);
  }

  static CommandResult commandResult() {
    return new CommandResult("cmd-17", CommandResult.Outcome.OK, "");
  }

  static UpdateOffer updateOffer() {
    ObjectNode envelope = object();
    envelope.putObject("signed").put("name", "washer-programs").put("version", "1.3.0");
    envelope.putArray("signatures").addObject().put("keyid", "a1b2").put("sig", "c2ln");
    return new UpdateOffer(
        "offer-1",
        "rollout-88",
        envelope,
        List.of(URI.create("https://hub.example.net/a.zip")),
        TS + 86_400_000L);
  }

  /** One of each kind. */
  static List<WirePayload> all() {
    return List.of(
        status(), telemetry(), state(), event(), command(), commandResult(), updateOffer());
  }

  static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }
}
