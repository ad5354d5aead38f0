package dev.hearth.specs.wire;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * Something that happened on the device, published on {@code events}.
 *
 * @param seq event number, one more than the device's previous event; the hub uses it to process
 *     each event exactly once and in order
 * @param ts when, epoch milliseconds
 * @param type what happened, see {@link EventType}; unknown types are allowed
 * @param severity how urgent it is
 * @param message one or more lines for a person
 * @param data details, defined per type; {@code {}} when none
 */
public record Event(
    long seq, long ts, String type, Severity severity, String message, ObjectNode data)
    implements WirePayload {

  /** How urgent an event is. */
  public enum Severity implements WireEnum {
    INFO("info"),
    WARNING("warning"),
    ALARM("alarm");

    private final String wireName;

    Severity(String wireName) {
      this.wireName = wireName;
    }

    @Override
    public String wireName() {
      return wireName;
    }
  }

  public Event {
    Check.nonNegative(seq, "seq");
    Check.epochMillis(ts, "ts");
    Check.matches(type, Check.TOKEN, "type", "an event type (lower-case, digits, '-', '.')");
    Check.present(severity, "severity");
    Check.message(message, "message");
    data = JsonObjects.copy(data, "data");
  }

  /** An event of a known type. */
  public Event(
      long seq, long ts, EventType type, Severity severity, String message, ObjectNode data) {
    this(seq, ts, type.wireName(), severity, message, data);
  }

  /**
   * The {@code payload-error} event a device publishes when it receives a payload it cannot use.
   * {@code data} carries {@code kind} (the topic suffix), {@code code} and {@code field}.
   */
  public static Event payloadError(long seq, long ts, TopicKind kind, WireError error) {
    var data = JsonObjects.empty();
    data.put("kind", kind.suffix());
    data.put("code", error.code().name());
    data.put("field", error.field());
    String message = "rejected " + kind.suffix() + " payload: " + error.message();
    if (message.length() > Check.MAX_MESSAGE) {
      int end = Check.MAX_MESSAGE;
      // Never cut a surrogate pair in half: the result must still be valid text.
      if (Character.isHighSurrogate(message.charAt(end - 1))) {
        end--;
      }
      message = message.substring(0, end);
    }
    return new Event(seq, ts, EventType.PAYLOAD_ERROR, Severity.WARNING, message, data);
  }

  /** A copy of the details. */
  @Override
  public ObjectNode data() {
    return data.deepCopy();
  }

  /** The type, if this protocol version defines it. */
  public Optional<EventType> knownType() {
    return EventType.of(type);
  }

  @Override
  public TopicKind topicKind() {
    return TopicKind.EVENTS;
  }
}
