package dev.hearth.specs.wire;

/** Why a topic, topic filter or CoAP path was refused. */
public enum TopicProblem {
  /** Does not start with {@code hearth/v1/} (another application, or another protocol version). */
  WRONG_PREFIX,
  /** Contains an MQTT wildcard ({@code +} or {@code #}) where only a topic name is allowed. */
  WILDCARD,
  /** The device-id level is not a valid {@link DeviceId}. */
  BAD_DEVICE_ID,
  /** The levels after the device id name no {@link TopicKind} (or none mirrored over CoAP). */
  UNKNOWN_SUFFIX,
  /** The topic belongs to another device. */
  OTHER_DEVICE,
  /** A device publishing a hub→device kind, or subscribing to a device→hub kind. */
  WRONG_DIRECTION
}
