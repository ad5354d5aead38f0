package dev.hearth.specs.wire;

import java.util.Arrays;
import java.util.Optional;

/**
 * The topics under {@code hearth/v1/{deviceId}/}: who publishes, with which MQTT QoS, whether the
 * broker retains the message, the largest payload allowed and the record it carries.
 */
public enum TopicKind {
  STATUS("status", Direction.DEVICE_TO_HUB, 1, 1, true, 16 * 1024, Status.class),
  /**
   * The only kind a device may also publish at QoS 0, for high-rate channels it can afford to lose.
   */
  TELEMETRY("telemetry", Direction.DEVICE_TO_HUB, 0, 1, false, 64 * 1024, TelemetryBatch.class),
  STATE("state", Direction.DEVICE_TO_HUB, 1, 1, false, 16 * 1024, StateReport.class),
  EVENTS("events", Direction.DEVICE_TO_HUB, 1, 1, false, 16 * 1024, Event.class),
  COMMANDS("commands", Direction.HUB_TO_DEVICE, 1, 1, false, 16 * 1024, Command.class),
  COMMAND_RESULT(
      "commands/result", Direction.DEVICE_TO_HUB, 1, 1, false, 16 * 1024, CommandResult.class),
  /** Larger than the others: it carries a signed manifest envelope. */
  UPDATE("update", Direction.HUB_TO_DEVICE, 1, 1, false, 64 * 1024, UpdateOffer.class);

  private final String suffix;
  private final Direction direction;
  private final int minQos;
  private final int defaultQos;
  private final boolean retained;
  private final int maxPayloadBytes;
  private final Class<? extends WirePayload> payloadType;

  TopicKind(
      String suffix,
      Direction direction,
      int minQos,
      int defaultQos,
      boolean retained,
      int maxPayloadBytes,
      Class<? extends WirePayload> payloadType) {
    this.suffix = suffix;
    this.direction = direction;
    this.minQos = minQos;
    this.defaultQos = defaultQos;
    this.retained = retained;
    this.maxPayloadBytes = maxPayloadBytes;
    this.payloadType = payloadType;
  }

  /** The topic levels after the device id, e.g. {@code commands/result}. */
  public String suffix() {
    return suffix;
  }

  public Direction direction() {
    return direction;
  }

  /** The QoS a publisher uses unless it has a reason to use another allowed one. */
  public int defaultQos() {
    return defaultQos;
  }

  /** Whether publishing with {@code qos} is allowed on this kind (QoS 2 never is). */
  public boolean allowsQos(int qos) {
    return qos >= minQos && qos <= 1;
  }

  /** Whether messages are published with the MQTT retain flag. */
  public boolean retained() {
    return retained;
  }

  /** Whether the device registers a payload of this kind as its MQTT last will. */
  public boolean isLastWill() {
    return this == STATUS;
  }

  /** The largest payload, in bytes, a reader accepts and a writer produces. */
  public int maxPayloadBytes() {
    return maxPayloadBytes;
  }

  /** The record this kind carries. */
  public Class<? extends WirePayload> payloadType() {
    return payloadType;
  }

  /** The kind whose topic ends in {@code suffix}, if any. */
  public static Optional<TopicKind> ofSuffix(String suffix) {
    return Arrays.stream(values()).filter(k -> k.suffix.equals(suffix)).findFirst();
  }

  /** The kind that carries {@code payloadType}. */
  public static TopicKind of(Class<? extends WirePayload> payloadType) {
    return Arrays.stream(values())
        .filter(k -> k.payloadType.equals(payloadType))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(payloadType + " is not a wire payload"));
  }
}
