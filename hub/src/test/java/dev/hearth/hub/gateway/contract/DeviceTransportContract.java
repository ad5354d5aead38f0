package dev.hearth.hub.gateway.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.hub.gateway.RefusalLog;
import dev.hearth.hub.gateway.testing.Answer;
import dev.hearth.hub.gateway.testing.DeviceClient;
import dev.hearth.hub.gateway.testing.LogCapture;
import dev.hearth.hub.gateway.testing.Payloads;
import dev.hearth.hub.gateway.testing.TestGateway;
import dev.hearth.hub.gateway.testing.TestGateway.DeviceCredentials;
import dev.hearth.hub.store.CommandRecord;
import dev.hearth.hub.store.Device;
import dev.hearth.hub.store.Events.StoredEvent;
import dev.hearth.hub.store.HubStore;
import dev.hearth.hub.store.IngestBatch;
import dev.hearth.hub.store.PageRequest;
import dev.hearth.hub.store.Telemetry;
import dev.hearth.specs.wire.CommandResult;
import dev.hearth.specs.wire.StateReport.Phase;
import dev.hearth.specs.wire.TopicKind;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every device transport must do, run once per transport (MQTT 5, MQTT 3.1.1, CoAP over DTLS)
 * against a real gateway and store: accepted messages are in the store when acknowledged; bad input
 * is refused, logged, and stores nothing; a device cannot touch another device's data.
 *
 * <p>How a refusal looks on the wire differs per transport and is each subclass's to declare.
 */
public abstract class DeviceTransportContract {

  private static TestGateway hub;
  private LogCapture log;

  /** Connects a device over the transport under test. */
  protected abstract DeviceClient connect(TestGateway hub, DeviceCredentials device);

  /** The answer to a publish on another device's topic. */
  protected abstract Answer forbiddenAnswer();

  /** The answer to a payload that does not decode. */
  protected abstract Answer malformedAnswer();

  /** The answer to a payload over its topic kind's size limit. */
  protected abstract Answer tooLargeAnswer();

  @BeforeAll
  static void startHub() {
    hub = TestGateway.builder().start();
  }

  @AfterAll
  static void stopHub() {
    hub.close();
  }

  @BeforeEach
  void captureLog() {
    log = LogCapture.of(RefusalLog.class);
  }

  @AfterEach
  void releaseLog() {
    log.close();
  }

  private HubStore store() {
    return hub.store();
  }

  @Test
  void statusStateEventsAndTelemetryAreInTheStoreOnceAcknowledged() {
    DeviceCredentials washer = hub.givenDevice("washer");
    try (DeviceClient device = connect(hub, washer)) {
      assertThat(device.publish(TopicKind.STATUS, Payloads.online())).isEqualTo(Answer.ACKED);
      assertThat(device.publish(TopicKind.STATE, Payloads.state(3, Phase.RUNNING)))
          .isEqualTo(Answer.ACKED);
      assertThat(device.publish(TopicKind.EVENTS, Payloads.event(11))).isEqualTo(Answer.ACKED);
      assertThat(device.publish(TopicKind.TELEMETRY, Payloads.telemetry(1, 12.5)))
          .isEqualTo(Answer.ACKED);

      // No waiting: an acknowledgement means the commit has happened.
      Device stored = store().devices().find(washer.id()).orElseThrow();
      assertThat(stored.presence()).isEqualTo("online");
      assertThat(stored.agentVersion()).isEqualTo("0.4.1");
      assertThat(stored.firmwareName()).isEqualTo("washer-programs");
      assertThat(store().events().latestState(washer.id()))
          .hasValueSatisfying(json -> assertThat(json).contains("\"phase\":\"running\""));
      assertThat(events(washer.id())).extracting(StoredEvent::seq).containsExactly(11L);
      assertThat(store().telemetry().latest(washer.id()))
          .extracting(Telemetry.Point::channel, Telemetry.Point::value)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("waterLevel", 13.5));
    }
  }

  @Test
  void aRedeliveredEventIsStoredOnce() {
    DeviceCredentials washer = hub.givenDevice("washer");
    try (DeviceClient device = connect(hub, washer)) {
      byte[] event = Payloads.event(5);
      assertThat(device.publish(TopicKind.EVENTS, event)).isEqualTo(Answer.ACKED);
      assertThat(device.publish(TopicKind.EVENTS, event)).isEqualTo(Answer.ACKED);

      assertThat(events(washer.id())).extracting(StoredEvent::seq).containsExactly(5L);
    }
  }

  @Test
  void malformedPayloadsAreRefusedLoggedAndNotStored() {
    DeviceCredentials washer = hub.givenDevice("washer");
    try (DeviceClient device = connect(hub, washer)) {
      assertThat(device.publish(TopicKind.EVENTS, Payloads.truncated()))
          .isEqualTo(malformedAnswer());
      assertThat(device.publish(TopicKind.EVENTS, Payloads.wrongType()))
          .isEqualTo(malformedAnswer());
      assertThat(device.publish(TopicKind.STATE, "[]".getBytes(StandardCharsets.UTF_8)))
          .isEqualTo(malformedAnswer());

      assertThat(log.lines())
          .anySatisfy(line -> assertThat(line).contains(washer.id(), "NOT_JSON"))
          .anySatisfy(line -> assertThat(line).contains(washer.id(), "WRONG_TYPE", "/seq"));
      // The session goes on, and what was refused never reaches the store.
      assertThat(device.publish(TopicKind.EVENTS, Payloads.event(1))).isEqualTo(Answer.ACKED);
      assertThat(events(washer.id())).extracting(StoredEvent::seq).containsExactly(1L);
      assertThat(store().events().latestState(washer.id())).isEmpty();
    }
  }

  @Test
  void oversizedPayloadsAreRefusedLoggedAndNotStored() {
    DeviceCredentials washer = hub.givenDevice("washer");
    try (DeviceClient device = connect(hub, washer)) {
      assertThat(device.publish(TopicKind.EVENTS, Payloads.oversizedEvent()))
          .isEqualTo(tooLargeAnswer());

      assertThat(log.lines())
          .anySatisfy(line -> assertThat(line).contains(washer.id(), "TOO_LARGE", "16384"));
      assertThat(device.publish(TopicKind.EVENTS, Payloads.event(2))).isEqualTo(Answer.ACKED);
      assertThat(events(washer.id())).extracting(StoredEvent::seq).containsExactly(2L);
    }
  }

  @Test
  void publishingUnderAnotherDevicesIdIsRefusedAndChangesNothingOfIt() {
    DeviceCredentials victim = hub.givenDevice("victim");
    DeviceCredentials intruder = hub.givenDevice("intruder");
    long now = System.currentTimeMillis();
    store()
        .commit(
            new IngestBatch(
                List.of(),
                List.of(
                    new IngestBatch.EventRow(
                        victim.id(), 1, now, "cycle-started", "info", "started", "{}")),
                List.of(new IngestBatch.StateRow(victim.id(), 1, now, "{\"phase\":\"running\"}")),
                List.of(new IngestBatch.StatusRow(victim.id(), "online", now, "0.4.1", null, null)),
                List.of()));
    Snapshot before = snapshot(victim.id());

    try (DeviceClient device = connect(hub, intruder)) {
      for (TopicKind kind :
          List.of(TopicKind.STATUS, TopicKind.STATE, TopicKind.EVENTS, TopicKind.TELEMETRY)) {
        byte[] payload = payloadFor(kind);
        assertThat(device.publishAs(victim.id(), kind, payload))
            .as("publishing %s on the victim's topic", kind)
            .isEqualTo(forbiddenAnswer());
      }
      // The intruder's own session still works (after reconnecting where the hub closed it).
      assertThat(device.publish(TopicKind.EVENTS, Payloads.event(1))).isEqualTo(Answer.ACKED);
    }

    assertThat(snapshot(victim.id())).isEqualTo(before);
    assertThat(log.lines())
        .anySatisfy(
            line -> assertThat(line).contains(intruder.id(), victim.id(), "another device"));
  }

  @Test
  void aCommandResultCompletesOnlyTheDevicesOwnCommand() {
    DeviceCredentials washer = hub.givenDevice("washer");
    DeviceCredentials other = hub.givenDevice("other");
    String mine = queueCommand(washer.id());
    String theirs = queueCommand(other.id());
    try (DeviceClient device = connect(hub, washer)) {
      assertThat(
              device.publish(
                  TopicKind.COMMAND_RESULT, Payloads.commandResult(mine, CommandResult.Outcome.OK)))
          .isEqualTo(Answer.ACKED);
      // Naming another device's command id on its own topic is accepted but completes nothing.
      assertThat(
              device.publish(
                  TopicKind.COMMAND_RESULT,
                  Payloads.commandResult(theirs, CommandResult.Outcome.OK)))
          .isEqualTo(Answer.ACKED);
    }
    assertThat(store().commands().find(mine).orElseThrow().status())
        .isEqualTo(CommandRecord.Status.OK);
    assertThat(store().commands().find(theirs).orElseThrow().status())
        .isEqualTo(CommandRecord.Status.QUEUED);
  }

  private static byte[] payloadFor(TopicKind kind) {
    if (kind == TopicKind.STATUS) {
      return Payloads.offlineWill();
    }
    if (kind == TopicKind.STATE) {
      return Payloads.state(99, Phase.STOPPED);
    }
    if (kind == TopicKind.EVENTS) {
      return Payloads.event(99);
    }
    return Payloads.telemetry(99, 1.0);
  }

  private String queueCommand(String deviceId) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    String id = "cmd-" + deviceId;
    store()
        .commands()
        .enqueue(
            new CommandRecord(
                id,
                deviceId,
                "stop",
                "{}",
                "owner-1",
                now,
                now.plusSeconds(60),
                CommandRecord.Status.QUEUED,
                null,
                now));
    return id;
  }

  private List<StoredEvent> events(String deviceId) {
    return store().events().of(deviceId, PageRequest.first(100)).items();
  }

  /** Everything the store holds of one device. */
  private record Snapshot(
      Optional<Device> device,
      List<StoredEvent> events,
      Optional<String> state,
      List<Telemetry.Point> telemetry) {}

  private Snapshot snapshot(String deviceId) {
    return new Snapshot(
        store().devices().find(deviceId),
        events(deviceId),
        store().events().latestState(deviceId),
        store().telemetry().latest(deviceId));
  }
}
