package dev.hearth.hub.gateway;

import dev.hearth.specs.wire.TopicCheck;
import dev.hearth.specs.wire.TopicProblem;
import dev.hearth.specs.wire.WireError;
import java.util.Objects;

/**
 * Why the gateway refused a device's message: an expected outcome, reported to the device in the
 * way its transport allows (see the adapters) and logged, never thrown.
 *
 * @param reason the class of refusal, which decides the transport's answer
 * @param code a stable name for the device and the log: a {@link TopicProblem}, a {@link
 *     WireError.Code}, {@code WRONG_QOS}, {@code RATE_LIMITED} or {@code BUSY}
 * @param field the JSON pointer of the offending field for payload errors, else {@code ""}
 * @param message what a person reading the log or the device's error needs to know
 */
public record Refusal(Reason reason, String code, String field, String message) {

  /** The classes of refusal; each transport maps them to its own answer once. */
  public enum Reason {
    /** Not a Hearth topic or path: wrong prefix, bad device id, unknown suffix, wildcard. */
    UNKNOWN_TOPIC,
    /** The access rule forbids it: another device's topic, the wrong direction, the wrong QoS. */
    FORBIDDEN,
    /** The payload is larger than its topic kind allows. */
    TOO_LARGE,
    /** The payload does not decode or breaks a rule of the wire chapter. */
    MALFORMED,
    /** The device exceeded its rate limit. */
    RATE_LIMITED,
    /** The ingest queue is full; the device should retry later. */
    BUSY
  }

  public Refusal {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
  }

  /** The refusal for a topic or path the parser or access rule turned down. */
  public static Refusal of(TopicCheck.Refused refused) {
    TopicProblem problem = refused.problem();
    Reason reason =
        problem == TopicProblem.OTHER_DEVICE || problem == TopicProblem.WRONG_DIRECTION
            ? Reason.FORBIDDEN
            : Reason.UNKNOWN_TOPIC;
    return new Refusal(reason, problem.name(), "", refused.message());
  }

  /** The refusal for a payload the codec rejected. */
  public static Refusal of(WireError error) {
    Reason reason = error.code() == WireError.Code.TOO_LARGE ? Reason.TOO_LARGE : Reason.MALFORMED;
    return new Refusal(reason, error.code().name(), error.field(), error.message());
  }

  static Refusal wrongQos(String topic, int qos) {
    return new Refusal(
        Reason.FORBIDDEN, "WRONG_QOS", "", "QoS " + qos + " is not allowed on '" + topic + "'");
  }

  static Refusal rateLimited(RateLimit limit) {
    return new Refusal(
        Reason.RATE_LIMITED,
        "RATE_LIMITED",
        "",
        "more than "
            + limit.perSecond()
            + " messages a second (burst "
            + limit.burst()
            + "); slow down");
  }

  static Refusal busy() {
    return new Refusal(
        Reason.BUSY, "BUSY", "", "the hub's ingest queue is full; retry in a moment");
  }

  /** The error as the JSON object the wire chapter defines: {@code {code, field, message}}. */
  public String toJson() {
    return "{\"code\":"
        + JsonText.quote(code)
        + ",\"field\":"
        + JsonText.quote(field)
        + ",\"message\":"
        + JsonText.quote(message)
        + "}";
  }

  @Override
  public String toString() {
    return code + (field.isEmpty() ? "" : " at '" + field + "'") + ": " + message;
  }
}
