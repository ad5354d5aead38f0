package dev.hearth.hub.gateway.testing;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.hardware.profile.ProfileRef;
import dev.hearth.specs.wire.CommandResult;
import dev.hearth.specs.wire.Event;
import dev.hearth.specs.wire.EventType;
import dev.hearth.specs.wire.StateReport;
import dev.hearth.specs.wire.Status;
import dev.hearth.specs.wire.TelemetryBatch;
import dev.hearth.specs.wire.WireCodec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Wire payloads devices send in the gateway's tests, encoded by the one codec. */
public final class Payloads {

  public static final WireCodec CODEC = new WireCodec();
  private static final ProfileRef WASHER = ProfileRef.parse("open-washer@1");

  private Payloads() {}

  public static byte[] online() {
    return CODEC.encode(
        new Status(
            Status.Presence.ONLINE,
            "0.4.1",
            new Status.Firmware("washer-programs", "1.2.0"),
            WASHER,
            System.currentTimeMillis()));
  }

  /** The last will a device registers: offline, stamped with the connect time. */
  public static byte[] offlineWill() {
    return CODEC.encode(
        new Status(Status.Presence.OFFLINE, "0.4.1", null, WASHER, System.currentTimeMillis()));
  }

  public static byte[] state(long seq, StateReport.Phase phase) {
    return CODEC.encode(
        new StateReport(
            System.currentTimeMillis(),
            seq,
            phase,
            phase == StateReport.Phase.IDLE ? null : "cotton-40",
            phase == StateReport.Phase.IDLE ? null : "heat",
            null,
            StateReport.Door.CLOSED,
            StateReport.Lock.NONE,
            List.of(),
            Map.of("heater", phase == StateReport.Phase.RUNNING ? 1.0 : 0.0)));
  }

  public static byte[] event(long seq) {
    ObjectNode data = JsonNodeFactory.instance.objectNode().put("program", "cotton-40");
    return CODEC.encode(
        new Event(
            seq,
            System.currentTimeMillis(),
            EventType.CYCLE_FINISHED,
            Event.Severity.INFO,
            "cotton-40 finished (" + seq + ")",
            data));
  }

  public static byte[] telemetry(long seq, double waterLevel) {
    long now = System.currentTimeMillis();
    return CODEC.encode(
        new TelemetryBatch(
            seq,
            List.of(
                new TelemetryBatch.Sample(now - 1000, Map.of("waterLevel", waterLevel)),
                new TelemetryBatch.Sample(now, Map.of("waterLevel", waterLevel + 1)))));
  }

  public static byte[] commandResult(String commandId, CommandResult.Outcome outcome) {
    return CODEC.encode(new CommandResult(commandId, outcome, "done"));
  }

  /** Truncated JSON: {@code NOT_JSON}. */
  public static byte[] truncated() {
    return "{\"seq\":7,\"ts\":1767225600000,\"type\":\"alarm\"".getBytes(StandardCharsets.UTF_8);
  }

  /** Well-formed JSON with a string where an integer belongs: {@code WRONG_TYPE}. */
  public static byte[] wrongType() {
    return ("{\"seq\":\"seven\",\"ts\":1767225600000,\"type\":\"alarm\",\"severity\":\"alarm\","
            + "\"message\":\"leak\",\"data\":{}}")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** A well-formed event larger than the 16 KiB the events topic allows: {@code TOO_LARGE}. */
  public static byte[] oversizedEvent() {
    String pad = "x".repeat(9000);
    return ("{\"seq\":9,\"ts\":1767225600000,\"type\":\"alarm\",\"severity\":\"alarm\","
            + "\"message\":\"big\",\"data\":{\"a\":\""
            + pad
            + "\",\"b\":\""
            + pad
            + "\"}}")
        .getBytes(StandardCharsets.UTF_8);
  }
}
