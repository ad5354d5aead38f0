package dev.hearth.specs.wire;

/** Who publishes on a topic kind. */
public enum Direction {
  /** The device publishes, the hub subscribes. */
  DEVICE_TO_HUB,
  /** The hub publishes, the device subscribes. */
  HUB_TO_DEVICE
}
