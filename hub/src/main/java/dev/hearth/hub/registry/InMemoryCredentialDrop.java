package dev.hearth.hub.registry;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A {@link CredentialDrop} in this process's memory: secrets never touch the database, and a hub
 * restart within the window means the device has to enroll again with a new code. Behind several
 * hub instances a device's polls must reach the instance that issued its credentials (sticky
 * routing) or this becomes a shared, encrypted map.
 */
public final class InMemoryCredentialDrop implements CredentialDrop {

  private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();

  @Override
  public void put(String deviceId, DeviceCredentials credentials, Instant until) {
    entries.put(deviceId, new Entry(credentials, until));
  }

  @Override
  public Optional<DeviceCredentials> peek(String deviceId, Instant now) {
    // Few devices are ever mid-enrollment, so sweeping here keeps the map small at no real cost.
    entries.values().removeIf(entry -> !entry.until.isAfter(now));
    Entry entry = entries.get(deviceId);
    return entry == null ? Optional.empty() : Optional.of(entry.credentials);
  }

  private record Entry(DeviceCredentials credentials, Instant until) {}
}
