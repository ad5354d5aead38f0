package dev.hearth.hub.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Duration;

/** What became of an enrollment request; each maps to one response of the contract. */
public sealed interface EnrollmentOutcome {

  /** Registered, waiting for its owner to claim it: ask again after {@code pollAfter}. */
  record Pending(Duration pollAfter) implements EnrollmentOutcome {}

  /**
   * Enrolled: everything the device needs, credentials included (shown within the credential window
   * only).
   *
   * @param deviceId its id, also its MQTT username and PSK identity
   * @param credentials its secrets
   * @param mqttUri where to connect
   * @param coapUri where to connect over CoAP, or null
   * @param root the root envelope to pin
   */
  record Enrolled(
      String deviceId, DeviceCredentials credentials, URI mqttUri, URI coapUri, ObjectNode root)
      implements EnrollmentOutcome {}

  /** Refused for a reason the device's operator has to act on. */
  record Refused(Refusal reason, String detail) implements EnrollmentOutcome {}

  /** Too many requests from this address. */
  record Throttled(Duration retryAfter) implements EnrollmentOutcome {}

  /** Why an enrollment was refused. */
  enum Refusal {
    /** Another board already enrolled with this claim code. */
    CODE_TAKEN,
    /** This board is enrolled and its credentials were delivered; a new code re-enrolls it. */
    ALREADY_ENROLLED,
    /** The device was removed by its owner. */
    REVOKED,
    /** The hub does not know the hardware profile. */
    UNKNOWN_PROFILE
  }
}
