package dev.hearth.agent.enroll;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.hardware.profile.ProfileRef;
import dev.hearth.specs.enrollment.ClaimCode;
import dev.hearth.specs.trust.EnvelopeCodec;
import dev.hearth.specs.trust.Role;
import dev.hearth.specs.trust.RootMetadata;
import dev.hearth.specs.trust.Signer;
import dev.hearth.specs.trust.SigningKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** What the enrollment tests share: a signed root to pin, a hub's answers, time that is ours. */
final class Fixtures {

  static final ProfileRef WASHER = ProfileRef.parse("open-washer@1");
  static final HardwareId BOARD = new HardwareId("rpi:10000000abcdef01");
  static final ClaimCode CODE = ClaimCode.parse("K7M2-9QXD").orElseThrow();
  static final String VERSION = "0.1.0";
  static final String PASSWORD = "s3cret-only-once";

  private static final ObjectNode ROOT = signedRoot();

  private Fixtures() {}

  /** A real root envelope: version 1, one root key, a hub key, a maintainer for the washer. */
  static ObjectNode root() {
    return ROOT.deepCopy();
  }

  private static ObjectNode signedRoot() {
    SigningKey root = SigningKey.generate();
    SigningKey hub = SigningKey.generate();
    SigningKey maintainer = SigningKey.generate();
    RootMetadata metadata =
        RootMetadata.builder()
            .version(1)
            .expires(Instant.parse("2036-01-01T00:00:00Z"))
            .keys(root.publicKey("root-a"), hub.publicKey("hub"), maintainer.publicKey("carol"))
            .root(Role.of(1, root.keyid()))
            .hub(Role.of(1, hub.keyid()))
            .contributors(maintainer.keyid())
            .profile(WASHER, Role.of(1, maintainer.keyid()))
            .build();
    return EnvelopeCodec.toJson(new Signer(root).sign(metadata));
  }

  /** The hub's 200 body, with CoAP. */
  static String enrolledBody(String deviceId) {
    return "{\"status\":\"enrolled\",\"deviceId\":\""
        + deviceId
        + "\",\"mqtt\":{\"uri\":\"ssl://hub.example:8883\",\"username\":\""
        + deviceId
        + "\",\"password\":\""
        + PASSWORD
        + "\"},\"coap\":{\"uri\":\"coaps://hub.example:5684\",\"pskIdentity\":\""
        + deviceId
        + "\",\"psk\":\"c2VjcmV0LXBzaw==\"},\"root\":"
        + root()
        + "}";
  }

  static StandInHub.Reply enrolled() {
    return StandInHub.json(200, enrolledBody("wsh-7f3a2c"));
  }

  static EnrollmentRequest request() {
    return new EnrollmentRequest(CODE, BOARD, WASHER, VERSION);
  }

  /** A clock that moves only when {@link #sleep} is called, and remembers each wait. */
  static final class ManualTime extends Clock implements Pause {
    private Instant now = Instant.parse("2026-05-01T08:00:00Z");
    final List<Duration> waits = new ArrayList<>();

    @Override
    public synchronized void sleep(Duration duration) {
      waits.add(duration);
      now = now.plus(duration);
    }

    @Override
    public synchronized Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
