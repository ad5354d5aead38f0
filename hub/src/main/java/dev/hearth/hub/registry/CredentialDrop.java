package dev.hearth.hub.registry;

import java.time.Instant;
import java.util.Optional;

/**
 * Holds a device's freshly issued credentials until the device picks them up.
 *
 * <p>The store keeps only hashes, yet the credentials must reach the device: at once when it
 * enrolls with an owner-issued code, on its next poll when its owner claims it. The drop keeps them
 * for a short window so that a repeated request (a lost response) gets the same answer, as the
 * enrollment contract's idempotency asks; after the window they are gone for good.
 */
public interface CredentialDrop {

  /** Leaves {@code credentials} for {@code deviceId} until {@code until}. */
  void put(String deviceId, DeviceCredentials credentials, Instant until);

  /** The credentials left for {@code deviceId}, if still there at {@code now}. */
  Optional<DeviceCredentials> peek(String deviceId, Instant now);
}
