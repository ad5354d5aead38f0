package dev.hearth.hub.rollout.store;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where one device's update in a rollout stands: pending (waiting for its group, window or
 * connection), the progress states of the firmware specification (chapter 5.3) from {@code offered}
 * to {@code committed}, {@code rolled-back} or {@code failed}, and {@code excluded} for a device
 * that left the rollout's audience before its offer (its owner turned updates off, or it was
 * removed).
 */
public enum DeviceUpdateState {
  PENDING("pending", 0),
  OFFERED("offered", 1),
  DOWNLOADING("downloading", 2),
  VERIFYING("verifying", 3),
  WAITING_FOR_IDLE("waiting-for-idle", 4),
  INSTALLING("installing", 5),
  REBOOTING("rebooting", 6),
  HEALTH_CHECK("health-check", 7),
  COMMITTED("committed", 8),
  ROLLED_BACK("rolled-back", 8),
  FAILED("failed", 8),
  EXCLUDED("excluded", 0);

  private final String wireName;
  private final int rank;

  DeviceUpdateState(String wireName, int rank) {
    this.wireName = wireName;
    this.rank = rank;
  }

  /** The name in {@code update-progress} events and in the API, e.g. {@code health-check}. */
  public String wireName() {
    return wireName;
  }

  /**
   * Order of the progress states: a report never moves a device back (a redelivered or late {@code
   * downloading} after {@code installing} changes nothing). Final states share the top rank.
   */
  public int rank() {
    return rank;
  }

  /** Committed, rolled back or failed: final for the offer (specification 5.3). */
  public boolean isFinal() {
    return rank == COMMITTED.rank;
  }

  /** Offered and not final yet: the device is working on it (or has yet to start). */
  public boolean isInFlight() {
    return rank >= OFFERED.rank && !isFinal();
  }

  /** Failed or rolled back: what the error threshold counts. */
  public boolean isFailure() {
    return this == FAILED || this == ROLLED_BACK;
  }

  /** Whether the device counts as a member of its group (excluded devices do not). */
  public boolean counts() {
    return this != EXCLUDED;
  }

  /** A progress state as a device reports it; pending and excluded are the hub's own. */
  public static Optional<DeviceUpdateState> ofReported(String wireName) {
    return Arrays.stream(values())
        .filter(s -> s != PENDING && s != EXCLUDED)
        .filter(s -> s.wireName.equals(wireName))
        .findFirst();
  }

  /** Any state by its wire name, for API filters. */
  public static Optional<DeviceUpdateState> ofWire(String wireName) {
    return Arrays.stream(values()).filter(s -> s.wireName.equals(wireName)).findFirst();
  }
}
