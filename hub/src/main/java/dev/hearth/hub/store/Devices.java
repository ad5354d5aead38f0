package dev.hearth.hub.store;

import java.time.Instant;
import java.util.Optional;

/** Devices, their credentials and their owner-issued claim codes. */
public interface Devices {

  /**
   * Registers a device, or returns the existing one for the same claim code and hardware id
   * (enrollment is idempotent).
   *
   * <p>When the claim code or the id is already held by a different enrollment, nothing changes and
   * the device holding it (the claim code's first) is returned: a caller detects the conflict by
   * comparing its {@code hardwareId}, {@code id} and {@code claimCode} with the arguments.
   */
  Device register(String id, String hardwareId, String profile, String claimCode, Instant now);

  Optional<Device> find(String deviceId);

  Optional<Device> findByClaimCode(String claimCode);

  /** The owner's devices, by name then id. */
  Page<Device> ownedBy(String ownerId, PageRequest page);

  /** Every active device, for the gateway's presence sweep and rollouts. */
  Page<Device> active(PageRequest page);

  /**
   * Gives a pending device to its owner and stores the hashes of its MQTT password and CoAP key.
   *
   * @return false when the device is not pending any more
   */
  boolean claim(String deviceId, String ownerId, String passwordHash, String pskHash, Instant now);

  /** The stored hash of the device's MQTT password, if it is active. */
  Optional<String> passwordHash(String deviceId);

  /** The stored hash of the device's CoAP pre-shared key, if it is active. */
  Optional<String> pskHash(String deviceId);

  void rename(String deviceId, String name);

  void setChannel(String deviceId, String channel);

  void revoke(String deviceId);

  /** Records an owner-issued claim code that a device may present once before {@code expiresAt}. */
  void issueClaimCode(String code, String ownerId, Instant expiresAt);

  /** The owner of an unexpired, unused owner-issued claim code. */
  Optional<String> claimCodeOwner(String code, Instant now);

  /** Marks an owner-issued claim code as used. */
  void useClaimCode(String code);

  /**
   * Uses an owner-issued claim code if it is unexpired and unused, atomically: of two enrollments
   * presenting the same code at once, only one gets its owner.
   *
   * @return the code's owner, or empty when the code is unknown, expired or already used
   */
  Optional<String> redeemClaimCode(String code, Instant now);
}
