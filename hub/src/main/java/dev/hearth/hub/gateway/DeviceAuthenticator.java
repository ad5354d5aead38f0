package dev.hearth.hub.gateway;

/**
 * Checks a device's credentials when it connects (MQTT username/password, CoAP PSK identity).
 * Implemented by the registry; the gateway knows nothing of how credentials are stored.
 */
public interface DeviceAuthenticator {

  /**
   * Whether {@code deviceId} may connect with {@code secret}. Must be fast (it runs for every
   * connection) and must not reveal which part was wrong.
   */
  boolean authenticate(String deviceId, byte[] secret);

  /** The device's CoAP pre-shared key, for DTLS; empty when it has none or is not active. */
  java.util.Optional<byte[]> preSharedKey(String deviceId);
}
