package dev.hearth.bench.wire;

import dev.hearth.agent.AgentVersion;
import dev.hearth.bench.fleet.DeviceLogin;
import dev.hearth.bench.fleet.ReplayReadings;
import dev.hearth.hardware.profile.ProfileRef;
import dev.hearth.specs.wire.Status;
import dev.hearth.specs.wire.TelemetryBatch;
import dev.hearth.specs.wire.Topic;
import dev.hearth.specs.wire.TopicKind;
import dev.hearth.specs.wire.WireCodec;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;

/** The packets a device sends, with payloads encoded by the wire schema's own codec. */
final class WirePayloads {

  private final WireCodec codec = new WireCodec();
  private final ReplayReadings readings = ReplayReadings.microwaveRun();
  private final ProfileRef profile;
  private final Duration keepAlive;
  private final Duration sessionExpiry;

  WirePayloads(ProfileRef profile, Duration keepAlive, Duration sessionExpiry) {
    this.profile = profile;
    this.keepAlive = keepAlive;
    this.sessionExpiry = sessionExpiry;
  }

  Duration keepAlive() {
    return keepAlive;
  }

  ByteBuffer connect(DeviceLogin login) {
    return MqttFrames.connect(
        login.device().value(),
        (int) keepAlive.toSeconds(),
        sessionExpiry.toSeconds(),
        new Topic(login.device(), TopicKind.STATUS).name(),
        status(Status.Presence.OFFLINE),
        login.username(),
        login.password());
  }

  List<String> subscriptions(DeviceLogin login) {
    return List.of(
        new Topic(login.device(), TopicKind.COMMANDS).name(),
        new Topic(login.device(), TopicKind.UPDATE).name());
  }

  ByteBuffer onlineStatus(DeviceLogin login, int packetId) {
    return MqttFrames.publish(
        packetId,
        new Topic(login.device(), TopicKind.STATUS).name(),
        status(Status.Presence.ONLINE),
        true);
  }

  /** Telemetry batch {@code seq}: one sample of the replayed readings, taken now. */
  ByteBuffer telemetry(DeviceLogin login, int packetId, long seq) {
    return MqttFrames.publish(
        packetId,
        new Topic(login.device(), TopicKind.TELEMETRY).name(),
        telemetryPayload(seq),
        false);
  }

  /** The payload of telemetry batch {@code seq}. */
  byte[] telemetryPayload(long seq) {
    var sample = new TelemetryBatch.Sample(System.currentTimeMillis(), readings.row(seq));
    return codec.encode(new TelemetryBatch(seq, List.of(sample)));
  }

  private byte[] status(Status.Presence presence) {
    return codec.encode(
        new Status(presence, AgentVersion.current(), null, profile, System.currentTimeMillis()));
  }
}
