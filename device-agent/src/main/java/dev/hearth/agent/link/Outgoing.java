package dev.hearth.agent.link;

import java.util.Objects;

/**
 * One MQTT message the link publishes.
 *
 * @param topic the full topic name
 * @param payload the encoded wire payload
 * @param qos 0 or 1 (the wire protocol never uses 2)
 * @param retained whether the broker keeps it for later subscribers
 */
public record Outgoing(String topic, byte[] payload, int qos, boolean retained) {

  public Outgoing {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(payload, "payload");
    if (qos < 0 || qos > 1) {
      throw new IllegalArgumentException("qos must be 0 or 1, got " + qos);
    }
  }

  @Override
  public String toString() {
    return "Outgoing["
        + topic
        + ", "
        + payload.length
        + " bytes, qos "
        + qos
        + (retained ? ", retained]" : "]");
  }
}
