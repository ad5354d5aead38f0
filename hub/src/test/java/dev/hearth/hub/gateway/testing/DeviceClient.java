package dev.hearth.hub.gateway.testing;

import dev.hearth.specs.wire.TopicKind;

/**
 * A device talking to the gateway over one transport, for the integration suite that runs over
 * every transport. Implementations connect with the device's credentials and reconnect on the next
 * publish when the hub closed the connection.
 */
public interface DeviceClient extends AutoCloseable {

  /** The device's id. */
  String id();

  /** Sends {@code payload} on the device's own topic of {@code kind} and waits for the answer. */
  default Answer publish(TopicKind kind, byte[] payload) {
    return publishAs(id(), kind, payload);
  }

  /**
   * Sends {@code payload} on the topic (MQTT) or path (CoAP) of {@code topicDevice}, which may be
   * another device's, and waits for the answer.
   */
  Answer publishAs(String topicDevice, TopicKind kind, byte[] payload);

  @Override
  void close();
}
