package dev.hearth.hub.store;

import java.time.Instant;
import java.util.Optional;

/** Alerts raised by the hub's rules, open until cleared. */
public interface Alerts {

  /**
   * Opens an alert unless one for the same device and rule is already open.
   *
   * @return the open alert (new or existing)
   */
  Alert open(Alert alert);

  /** Clears the open alert of a device and rule, if any. */
  Optional<Alert> clear(String deviceId, String rule, Instant at);

  /** A device's alerts, newest first; open ones only when {@code openOnly}. */
  Page<Alert> of(String deviceId, boolean openOnly, PageRequest page);

  /** An owner's alerts across their devices, newest first. */
  Page<Alert> ofOwner(String ownerId, boolean openOnly, PageRequest page);

  /**
   * An alert.
   *
   * @param id stable id
   * @param deviceId the device
   * @param rule the rule that raised it, e.g. {@code door-open-too-long}, {@code leak}
   * @param severity info, warning or alarm
   * @param message for people
   * @param raisedAt when it opened
   * @param clearedAt when it cleared, or null while open
   */
  record Alert(
      String id,
      String deviceId,
      String rule,
      String severity,
      String message,
      Instant raisedAt,
      Instant clearedAt) {}
}
