package dev.hearth.hub.gateway.mqtt;

import dev.hearth.specs.wire.DeviceId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The current MQTT session of each device. A device has one session: a new connection with its
 * credentials takes over, and the old session ends without marking the device offline (the new
 * session owns its presence).
 */
final class VertxMqttSessions {

  private final Map<DeviceId, VertxMqttSession> current = new ConcurrentHashMap<>();

  /** Makes {@code session} the device's current one; returns the one it replaces. */
  Optional<VertxMqttSession> register(DeviceId device, VertxMqttSession session) {
    return Optional.ofNullable(current.put(device, session));
  }

  /** Forgets {@code session}; true when it was still the device's current one. */
  boolean remove(DeviceId device, VertxMqttSession session) {
    return current.remove(device, session);
  }

  boolean isConnected(DeviceId device) {
    return current.containsKey(device);
  }
}
