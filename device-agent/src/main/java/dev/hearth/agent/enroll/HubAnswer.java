package dev.hearth.agent.enroll;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.specs.wire.DeviceId;
import java.time.Duration;
import java.util.Optional;

/** What one enrollment request got from the hub. Every outcome is a value; none is thrown. */
public sealed interface HubAnswer {

  /**
   * 200: enrolled.
   *
   * @param deviceId the id the hub gave the device
   * @param mqtt the MQTT endpoint and credentials
   * @param coap the CoAP endpoint and key, when offered
   * @param root the root metadata envelope to pin, validated, as received
   */
  record Enrolled(
      DeviceId deviceId, Enrollment.Mqtt mqtt, Optional<Enrollment.Coap> coap, ObjectNode root)
      implements HubAnswer {}

  /**
   * 202: registered as pending until the owner claims the device-issued code.
   *
   * @param pollAfter when to ask again
   */
  record Pending(Duration pollAfter) implements HubAnswer {}

  /**
   * Not now: 429, a 5xx, or the hub could not be reached.
   *
   * @param after when to try again; empty to back off on one's own
   * @param why for people
   */
  record RetryLater(Optional<Duration> after, String why) implements HubAnswer {}

  /**
   * Refused: asking again will not help (a 4xx other than 429, an untrusted certificate).
   *
   * @param problem what the hub said
   */
  record Refused(HubProblem problem) implements HubAnswer {}

  /**
   * The hub said enrolled, but its answer cannot be used (missing credentials, a root envelope that
   * does not parse). Nothing is stored.
   *
   * @param why which field and what is wrong
   */
  record Unusable(String why) implements HubAnswer {}
}
