package dev.hearth.hub.store;

import java.time.Instant;

/**
 * A command for a device and what became of it.
 *
 * @param id the command id (also on the wire)
 * @param deviceId its device
 * @param name stop, pause, resume or start
 * @param argsJson the arguments as a JSON object
 * @param requestedBy the owner who sent it
 * @param createdAt when it was sent
 * @param expiresAt after this it is not delivered any more
 * @param status where it stands
 * @param message the device's message, or why it expired
 * @param updatedAt when the status last changed
 */
public record CommandRecord(
    String id,
    String deviceId,
    String name,
    String argsJson,
    String requestedBy,
    Instant createdAt,
    Instant expiresAt,
    Status status,
    String message,
    Instant updatedAt) {

  /** Where a command stands. */
  public enum Status {
    QUEUED,
    SENT,
    OK,
    ERROR,
    REFUSED,
    EXPIRED
  }
}
