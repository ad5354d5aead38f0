package dev.hearth.hub.gateway.testing;

import dev.hearth.hub.gateway.DeviceAuthenticator;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Credentials held in memory, standing in for the registry in gateway tests. */
public final class InMemoryDeviceAuthenticator implements DeviceAuthenticator {

  private final Map<String, byte[]> passwords = new ConcurrentHashMap<>();
  private final Map<String, byte[]> keys = new ConcurrentHashMap<>();

  public void add(String deviceId, byte[] password, byte[] preSharedKey) {
    passwords.put(deviceId, password.clone());
    keys.put(deviceId, preSharedKey.clone());
  }

  @Override
  public boolean authenticate(String deviceId, byte[] secret) {
    byte[] expected = passwords.get(deviceId);
    return expected != null && MessageDigest.isEqual(expected, secret);
  }

  @Override
  public Optional<byte[]> preSharedKey(String deviceId) {
    return Optional.ofNullable(keys.get(deviceId)).map(byte[]::clone);
  }
}
