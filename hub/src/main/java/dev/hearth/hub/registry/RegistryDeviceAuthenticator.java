package dev.hearth.hub.registry;

import dev.hearth.hub.gateway.DeviceAuthenticator;
import dev.hearth.hub.store.Devices;
import dev.hearth.specs.wire.DeviceId;
import java.util.Optional;

/**
 * Checks device credentials against the registry. Each call reads the store once (blocking): the
 * gateway calls it off the event loop.
 */
public final class RegistryDeviceAuthenticator implements DeviceAuthenticator {

  private final Devices devices;
  private final DeviceSecrets secrets;

  public RegistryDeviceAuthenticator(Devices devices, DeviceSecrets secrets) {
    this.devices = devices;
    this.secrets = secrets;
  }

  @Override
  public boolean authenticate(String deviceId, byte[] secret) {
    if (secret == null) {
      return false;
    }
    // Unknown and malformed ids go through the same comparison, so timing tells nothing.
    Optional<String> stored =
        DeviceId.isValid(deviceId) ? devices.passwordHash(deviceId) : Optional.empty();
    return secrets.passwordMatches(stored, secret);
  }

  @Override
  public Optional<byte[]> preSharedKey(String deviceId) {
    if (!DeviceId.isValid(deviceId)) {
      return Optional.empty();
    }
    return devices.pskHash(deviceId).flatMap(stored -> secrets.psk(deviceId, stored));
  }
}
