package dev.hearth.hub.store;

import java.time.Instant;

/**
 * A device the hub knows.
 *
 * @param id the device id used in topics, e.g. {@code wsh-7f3a2c}
 * @param hardwareId the board's stable id (from enrollment)
 * @param profile the hardware profile, e.g. {@code open-washer@1}
 * @param ownerId the owner, or null while pending
 * @param state pending (enrolled, not claimed), active, or revoked
 * @param claimCode the claim code it enrolled with
 * @param name the owner's name for it ("Kitchen washer"), or null
 * @param channel the update channel: stable, beta or off
 * @param presence online or offline, from its status
 * @param lastSeen when it last sent anything, or null
 * @param agentVersion from its status, or null
 * @param firmwareName the installed program bundle's name, or null
 * @param firmwareVersion the installed program bundle's version, or null
 * @param createdAt when it enrolled
 */
public record Device(
    String id,
    String hardwareId,
    String profile,
    String ownerId,
    State state,
    String claimCode,
    String name,
    String channel,
    String presence,
    Instant lastSeen,
    String agentVersion,
    String firmwareName,
    String firmwareVersion,
    Instant createdAt) {

  /** Where a device stands in its life. */
  public enum State {
    PENDING,
    ACTIVE,
    REVOKED
  }
}
