package dev.hearth.agent.enroll;

import dev.hearth.hardware.profile.ProfileRef;
import dev.hearth.specs.wire.DeviceId;
import java.net.URI;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * What enrolling gave this board, as kept in {@code enrollment.json}: who it is to the hub and how
 * to reach the hub. The link to the hub reads its MQTT endpoint and credentials from here ({@link
 * EnrollmentStore#load()}); the pinned root metadata is kept apart, in {@code root.json}.
 *
 * @param deviceId the id the hub gave this device; its topics are {@code hearth/v1/{deviceId}/…}
 * @param hub the hub's base URL it enrolled with
 * @param profile the hardware profile it enrolled as
 * @param hardwareId the board's identity it enrolled with
 * @param enrolledAt when
 * @param mqtt the MQTT endpoint and credentials
 * @param coap the CoAP endpoint and DTLS pre-shared key, when the hub offers CoAP
 */
public record Enrollment(
    DeviceId deviceId,
    URI hub,
    ProfileRef profile,
    HardwareId hardwareId,
    Instant enrolledAt,
    Mqtt mqtt,
    Optional<Coap> coap) {

  public Enrollment {
    Objects.requireNonNull(deviceId, "deviceId");
    Objects.requireNonNull(hub, "hub");
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(hardwareId, "hardwareId");
    Objects.requireNonNull(enrolledAt, "enrolledAt");
    Objects.requireNonNull(mqtt, "mqtt");
    Objects.requireNonNull(coap, "coap");
  }

  /**
   * The MQTT session's endpoint and credentials.
   *
   * @param uri e.g. {@code ssl://hub.example:8883}
   * @param username the MQTT user name
   * @param password the MQTT password; shown once by the hub, which keeps only its hash
   */
  public record Mqtt(URI uri, String username, String password) {
    public Mqtt {
      Objects.requireNonNull(uri, "uri");
      Objects.requireNonNull(username, "username");
      Objects.requireNonNull(password, "password");
    }

    /** Without the password: records end up in logs. */
    @Override
    public String toString() {
      return "Mqtt[uri=" + uri + ", username=" + username + ", password=(hidden)]";
    }
  }

  /**
   * The CoAP endpoint and its DTLS pre-shared key.
   *
   * @param uri e.g. {@code coaps://hub.example:5684}
   * @param pskIdentity the PSK identity
   * @param psk the key, standard base64
   */
  public record Coap(URI uri, String pskIdentity, String psk) {
    public Coap {
      Objects.requireNonNull(uri, "uri");
      Objects.requireNonNull(pskIdentity, "pskIdentity");
      Objects.requireNonNull(psk, "psk");
    }

    /** The key's bytes. */
    public byte[] pskBytes() {
      return Base64.getDecoder().decode(psk);
    }

    /** Without the key: records end up in logs. */
    @Override
    public String toString() {
      return "Coap[uri=" + uri + ", pskIdentity=" + pskIdentity + ", psk=(hidden)]";
    }
  }
}
