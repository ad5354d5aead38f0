package dev.hearth.hub.telemetry;

import static dev.hearth.hub.telemetry.HubFixture.MICROWAVE;
import static dev.hearth.hub.telemetry.HubFixture.START;
import static dev.hearth.hub.telemetry.HubFixture.WASHER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.hub.store.IngestBatch.CommandResultRow;
import dev.hearth.hub.store.IngestBatch.Sample;
import dev.hearth.hub.telemetry.RecordingLiveUpdates.Published;
import dev.hearth.specs.wire.Event.Severity;
import dev.hearth.specs.wire.StateReport.Door;
import dev.hearth.specs.wire.StateReport.Phase;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every committed batch reaches the live view compactly. */
class LiveIngestPublisherTest {

  private final HubFixture hub = HubFixture.open();
  private final RecordingLiveUpdates live = new RecordingLiveUpdates();

  {
    hub.listen(new LiveIngestPublisher(live));
  }

  @AfterEach
  void close() {
    hub.close();
  }

  @Test
  void publishesPresenceStateTelemetryEventsAndCommandResults() {
    var online = hub.status(WASHER, "online");
    var running = hub.state(WASHER, Phase.RUNNING, Door.CLOSED);
    hub.advance(Duration.ofSeconds(1));
    var paused = hub.state(WASHER, Phase.PAUSED, Door.CLOSED);
    var started = hub.event(WASHER, "cycle-started", Severity.INFO, "cotton-40 started");
    var samples =
        hub.telemetry(
            WASHER,
            new Sample(START.toEpochMilli(), Map.of("water_temp", 20.0, "water_level", 0.0)),
            new Sample(START.plusSeconds(1).toEpochMilli(), Map.of("water_level", 2.5)));
    var result = new CommandResultRow(WASHER, "cmd-1", "ok", "paused", hub.now());

    hub.deliver(paused, started, samples, running, online, result);

    assertThat(live.all())
        .extracting(Published::kind)
        .containsExactly("presence", "state", "telemetry", "event", "command");
    assertThat(live.all()).extracting(Published::deviceId).containsOnly(WASHER);
    assertThat(data("presence"))
        .isEqualTo(
            "{\"presence\":\"online\",\"ts\":"
                + START.toEpochMilli()
                + ",\"agentVersion\":\"1.0.0\",\"firmwareName\":null,\"firmwareVersion\":null}");
    assertThat(live.ofKind("state").get(0).data().get("phase").asText()).isEqualTo("paused");
    assertThat(data("telemetry"))
        .isEqualTo(
            "{\"seq\":"
                + samples.seq()
                + ",\"ts\":"
                + START.plusSeconds(1).toEpochMilli()
                + ",\"values\":{\"water_level\":2.5,\"water_temp\":20.0}}");
    assertThat(live.ofKind("event").get(0).data().get("type").asText()).isEqualTo("cycle-started");
    assertThat(data("command"))
        .isEqualTo(
            "{\"commandId\":\"cmd-1\",\"outcome\":\"ok\",\"message\":\"paused\",\"ts\":"
                + hub.now()
                + "}");
  }

  @Test
  void publishesPerDeviceAndEveryEventInSeqOrder() {
    var first = hub.event(WASHER, "cycle-started", Severity.INFO, "started");
    var second = hub.event(WASHER, "cycle-finished", Severity.INFO, "finished");
    var microwave = hub.telemetry(MICROWAVE, Map.of("cavity_temp", 21.0));

    hub.deliver(second, microwave, first);

    assertThat(live.ofKind("event"))
        .extracting(p -> p.data().get("message").asText())
        .containsExactly("started", "finished");
    assertThat(live.ofKind("telemetry")).extracting(Published::deviceId).containsExactly(MICROWAVE);
  }

  @Test
  void aFailingLiveSinkDoesNotStopTheRest() {
    var flaky = new RecordingLiveUpdates();
    var publisher =
        new LiveIngestPublisher(
            (deviceId, kind, data) -> {
              if (kind.equals("presence")) {
                throw new IllegalStateException("event bus closed");
              }
              flaky.publish(deviceId, kind, data);
            });

    publisher.onCommitted(
        HubFixture.batch(hub.status(WASHER, "online"), hub.state(WASHER, Phase.IDLE, Door.OPEN)));

    assertThat(flaky.all()).extracting(Published::kind).containsExactly("state");
  }

  private String data(String kind) {
    return live.ofKind(kind).get(0).data().toString();
  }
}
