package dev.hearth.hub.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.hardware.profile.ProfileRef;
import dev.hearth.hub.gateway.testing.Payloads;
import dev.hearth.hub.store.IngestBatch.StatusRow;
import dev.hearth.specs.wire.DeviceId;
import dev.hearth.specs.wire.StateReport.Phase;
import dev.hearth.specs.wire.Status;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The order of checks and the refusal each produces, before anything reaches the store. */
class DeviceIngestTest {

  private static final DeviceId WASHER = new DeviceId("washer-01");
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  private final RecordingStore store = new RecordingStore();
  private final AtomicLong nanos = new AtomicLong();
  private final GroupCommitWriter writer =
      GroupCommitWriter.start(
          store, GroupCommitConfig.defaults().withWindow(Duration.ZERO), List.of());
  private final DeviceIngest ingest =
      new DeviceIngest(
          writer,
          new DeviceRateLimiter(new RateLimit(2, 2), nanos::get),
          new RefusalLog(),
          Clock.fixed(NOW, ZoneOffset.UTC));

  @AfterEach
  void stop() {
    writer.close();
  }

  @Test
  void anAcceptedMessageIsDurableWhenItsStageCompletes() throws Exception {
    Admission admission =
        ingest.publish(WASHER, "hearth/v1/washer-01/events", 1, Payloads.event(4));

    assertThat(admission).isInstanceOf(Admission.Accepted.class);
    ((Admission.Accepted) admission).durable().toCompletableFuture().get(5, TimeUnit.SECONDS);
    assertThat(store.committed.get(0).events().get(0).seq()).isEqualTo(4);
  }

  @Test
  void anotherDevicesTopicIsForbidden() {
    assertThat(refusal(ingest.publish(WASHER, "hearth/v1/washer-02/state", 1, state())))
        .extracting(Refusal::reason, Refusal::code)
        .containsExactly(Refusal.Reason.FORBIDDEN, "OTHER_DEVICE");
  }

  @Test
  void aHubToDeviceTopicIsForbidden() {
    assertThat(refusal(ingest.publish(WASHER, "hearth/v1/washer-01/commands", 1, state())))
        .extracting(Refusal::reason, Refusal::code)
        .containsExactly(Refusal.Reason.FORBIDDEN, "WRONG_DIRECTION");
  }

  @Test
  void aTopicThatIsNotHearthsIsUnknown() {
    assertThat(refusal(ingest.publish(WASHER, "hearth/v1/washer-01/secrets", 1, state())))
        .extracting(Refusal::reason, Refusal::code)
        .containsExactly(Refusal.Reason.UNKNOWN_TOPIC, "UNKNOWN_SUFFIX");
    assertThat(refusal(ingest.publish(WASHER, "$SYS/broker/load", 1, state())).code())
        .isEqualTo("WRONG_PREFIX");
  }

  @Test
  void stateAtQos0IsForbiddenButTelemetryAtQos0IsFine() {
    assertThat(refusal(ingest.publish(WASHER, "hearth/v1/washer-01/state", 0, state())).code())
        .isEqualTo("WRONG_QOS");
    assertThat(ingest.publish(WASHER, "hearth/v1/washer-01/telemetry", 0, Payloads.telemetry(1, 2)))
        .isInstanceOf(Admission.Accepted.class);
  }

  @Test
  void theRateLimitRefillsWithTime() {
    String topic = "hearth/v1/washer-01/events";
    assertThat(ingest.publish(WASHER, topic, 1, Payloads.event(1)))
        .isInstanceOf(Admission.Accepted.class);
    assertThat(ingest.publish(WASHER, topic, 1, Payloads.event(2)))
        .isInstanceOf(Admission.Accepted.class);
    assertThat(refusal(ingest.publish(WASHER, topic, 1, Payloads.event(3))).reason())
        .isEqualTo(Refusal.Reason.RATE_LIMITED);

    nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(500)); // one token at 2 a second
    assertThat(ingest.publish(WASHER, topic, 1, Payloads.event(3)))
        .isInstanceOf(Admission.Accepted.class);
  }

  @Test
  void payloadErrorsCarryTheWireCodeAndField() {
    assertThat(
            refusal(ingest.publish(WASHER, "hearth/v1/washer-01/events", 1, Payloads.wrongType())))
        .extracting(Refusal::reason, Refusal::code, Refusal::field)
        .containsExactly(Refusal.Reason.MALFORMED, "WRONG_TYPE", "/seq");
    assertThat(
            refusal(
                ingest.publish(WASHER, "hearth/v1/washer-01/events", 1, Payloads.oversizedEvent())))
        .extracting(Refusal::reason, Refusal::code)
        .containsExactly(Refusal.Reason.TOO_LARGE, "TOO_LARGE");
  }

  @Test
  void aCoapPathIsCheckedAgainstTheDtlsIdentity() {
    String path = "/hearth/v1/washer-02/events";
    assertThat(refusal(ingest.post(WASHER, path, Payloads.event(1))).code())
        .isEqualTo("OTHER_DEVICE");
    String commands = "/hearth/v1/washer-01/commands";
    assertThat(refusal(ingest.post(WASHER, commands, state())).reason())
        .isEqualTo(Refusal.Reason.UNKNOWN_TOPIC);
  }

  @Test
  void onlyTheDevicesOwnStatusTopicMayBeItsWill() {
    assertThat(ingest.checkWill(WASHER, "hearth/v1/washer-01/status", 1)).isEmpty();
    assertThat(ingest.checkWill(WASHER, "hearth/v1/washer-02/status", 1)).isPresent();
    assertThat(ingest.checkWill(WASHER, "hearth/v1/washer-01/events", 1)).isPresent();
  }

  @Test
  void aLostConnectionIsRecordedOfflineAtTheHubsTimeWithTheWillsVersions() throws Exception {
    ingest
        .connectionLost(WASHER, Payloads.offlineWill())
        .toCompletableFuture()
        .get(5, TimeUnit.SECONDS);
    ingest
        .connectionLost(WASHER, "garbage".getBytes(StandardCharsets.UTF_8))
        .toCompletableFuture()
        .get(5, TimeUnit.SECONDS);

    List<StatusRow> statuses =
        store.committed.stream().flatMap(b -> b.statuses().stream()).toList();
    assertThat(statuses)
        .extracting(StatusRow::presence, StatusRow::ts, StatusRow::agentVersion)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("offline", NOW.toEpochMilli(), "0.4.1"),
            org.assertj.core.groups.Tuple.tuple("offline", NOW.toEpochMilli(), null));
  }

  @Test
  void anOfflineStatusNeverSortsBeforeTheDevicesOwnOnlineStatus() throws Exception {
    long deviceClockAhead = NOW.toEpochMilli() + 3_600_000;
    byte[] online =
        Payloads.CODEC.encode(
            new Status(
                Status.Presence.ONLINE,
                "0.4.1",
                null,
                ProfileRef.parse("open-washer@1"),
                deviceClockAhead));
    var admitted =
        (Admission.Accepted) ingest.publish(WASHER, "hearth/v1/washer-01/status", 1, online);
    admitted.durable().toCompletableFuture().get(5, TimeUnit.SECONDS);

    ingest.disconnected(WASHER).toCompletableFuture().get(5, TimeUnit.SECONDS);

    List<StatusRow> statuses =
        store.committed.stream().flatMap(b -> b.statuses().stream()).toList();
    assertThat(statuses.get(1).presence()).isEqualTo("offline");
    assertThat(statuses.get(1).ts()).isEqualTo(deviceClockAhead + 1);
  }

  private static byte[] state() {
    return Payloads.state(1, Phase.IDLE);
  }

  private static Refusal refusal(Admission admission) {
    assertThat(admission).isInstanceOf(Admission.Refused.class);
    return ((Admission.Refused) admission).refusal();
  }
}
