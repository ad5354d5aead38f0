package dev.hearth.agent.enroll;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.hardware.profile.ProfileRef;
import dev.hearth.specs.canonical.FieldReader;
import dev.hearth.specs.canonical.InvalidFieldException;
import dev.hearth.specs.canonical.Parsed;
import dev.hearth.specs.canonical.StrictJson;
import dev.hearth.specs.trust.EnvelopeCodec;
import dev.hearth.specs.trust.RootCodec;
import dev.hearth.specs.wire.DeviceId;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The JSON of enrollment: the hub's {@code 200} answer, and {@code enrollment.json}. Both are read
 * strictly (every field checked before anything is used) and tolerantly (unknown fields ignored),
 * like every Hearth reader.
 */
final class EnrollmentJson {

  private static final Set<String> MQTT_SCHEMES =
      Set.of("ssl", "tcp", "mqtt", "mqtts", "ws", "wss");
  private static final Set<String> COAP_SCHEMES = Set.of("coap", "coaps");

  private EnrollmentJson() {}

  /** The hub's {@code 200} body, with the root envelope validated by the trust library. */
  static Parsed<HubAnswer.Enrolled> readEnrolled(JsonNode body) {
    return Parsed.reading(
        () -> {
          FieldReader f = FieldReader.of(body, "");
          String status = f.text("status");
          if (!status.equals("enrolled")) {
            throw new InvalidFieldException(
                f.pointer("status"), "'" + status + "' with HTTP 200; expected \"enrolled\"");
          }
          DeviceId deviceId = deviceId(f);
          Enrollment.Mqtt mqtt = mqtt(f.object("mqtt"));
          Optional<Enrollment.Coap> coap =
              f.has("coap") && !f.node().get("coap").isNull()
                  ? Optional.of(coap(f.object("coap")))
                  : Optional.empty();
          ObjectNode root = f.object("root").node();
          checkRoot(root);
          return new HubAnswer.Enrolled(deviceId, mqtt, coap, root);
        });
  }

  /**
   * Checks that {@code root} is a root metadata envelope the trust verifier will accept as the
   * pinned root: an envelope whose {@code signed} object is valid root metadata. Its signatures are
   * not checked: a pinned root is trusted as it is (trust.md, section 6).
   */
  static void checkRoot(ObjectNode root) {
    EnvelopeCodec.read(root)
        .flatMap(envelope -> RootCodec.read(envelope.signed()).under("/signed"))
        .under("/root")
        .orElseThrow();
  }

  static ObjectNode write(Enrollment e) {
    ObjectNode json = StrictJson.object();
    json.put("deviceId", e.deviceId().value());
    json.put("hub", e.hub().toString());
    json.put("profile", e.profile().toString());
    json.put("hardwareId", e.hardwareId().value());
    json.put("enrolledAt", e.enrolledAt().toString());
    json.putObject("mqtt")
        .put("uri", e.mqtt().uri().toString())
        .put("username", e.mqtt().username())
        .put("password", e.mqtt().password());
    e.coap()
        .ifPresent(
            c ->
                json.putObject("coap")
                    .put("uri", c.uri().toString())
                    .put("pskIdentity", c.pskIdentity())
                    .put("psk", c.psk()));
    return json;
  }

  static Parsed<Enrollment> read(JsonNode json) {
    return Parsed.reading(
        () -> {
          FieldReader f = FieldReader.of(json, "");
          DeviceId deviceId = deviceId(f);
          URI hub = uri(f, "hub", Set.of("https", "http"));
          String profileText = f.text("profile");
          ProfileRef profile;
          try {
            profile = ProfileRef.parse(profileText);
          } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(f.pointer("profile"), e.getMessage());
          }
          String hardwareId = f.text("hardwareId");
          if (!HardwareId.isValid(hardwareId)) {
            throw new InvalidFieldException(f.pointer("hardwareId"), "is not a hardware id");
          }
          return new Enrollment(
              deviceId,
              hub,
              profile,
              new HardwareId(hardwareId),
              f.instant("enrolledAt"),
              mqtt(f.object("mqtt")),
              f.has("coap") ? Optional.of(coap(f.object("coap"))) : Optional.empty());
        });
  }

  private static DeviceId deviceId(FieldReader f) {
    String id = f.text("deviceId");
    if (!DeviceId.isValid(id)) {
      throw new InvalidFieldException(
          f.pointer("deviceId"),
          "'" + FieldReader.shorten(id) + "' is not a device id ([a-z0-9][a-z0-9-]{2,63})");
    }
    return new DeviceId(id);
  }

  private static Enrollment.Mqtt mqtt(FieldReader m) {
    return new Enrollment.Mqtt(
        uri(m, "uri", MQTT_SCHEMES), nonEmpty(m, "username"), nonEmpty(m, "password"));
  }

  private static Enrollment.Coap coap(FieldReader c) {
    String psk = nonEmpty(c, "psk");
    try {
      Base64.getDecoder().decode(psk);
    } catch (IllegalArgumentException e) {
      throw new InvalidFieldException(c.pointer("psk"), "is not base64");
    }
    return new Enrollment.Coap(uri(c, "uri", COAP_SCHEMES), nonEmpty(c, "pskIdentity"), psk);
  }

  private static URI uri(FieldReader f, String field, Set<String> schemes) {
    String text = f.text(field);
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!schemes.contains(scheme) || uri.getHost() == null) {
        throw new InvalidFieldException(
            f.pointer(field),
            "'"
                + FieldReader.shorten(text)
                + "' is not an absolute URL with a host and one of the schemes "
                + schemes.stream().sorted().toList());
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new InvalidFieldException(f.pointer(field), "is not a URL: " + e.getReason());
    }
  }

  private static String nonEmpty(FieldReader f, String field) {
    String text = f.text(field);
    if (text.isEmpty()) {
      throw new InvalidFieldException(f.pointer(field), "is empty");
    }
    return text;
  }
}
