package dev.hearth.hardware.safety;

import java.util.List;

/**
 * Something the kernel did on its own to keep the appliance safe, or refused to do.
 *
 * @param kind what happened
 * @param interlock the interlock id involved, or empty
 * @param alarm the alarm to raise to people, or empty when this is no alarm
 * @param outputs the outputs it forced to their safe state
 * @param message what happened, for people
 * @param atMillis when, on the kernel's clock
 */
public record SafetyEvent(
    Kind kind,
    String interlock,
    String alarm,
    List<String> outputs,
    String message,
    long atMillis) {

  /** The kinds of safety event. */
  public enum Kind {
    /** A trip condition held: outputs forced safe, alarm raised. */
    TRIPPED,
    /** A guard stopped holding while its output was active: the output was forced safe. */
    GUARD_TRIPPED,
    /** An output stayed active longer than its maximum on-time. */
    MAX_ON_EXCEEDED,
    /** Everything went to its safe state (stop, crash, watchdog). */
    SAFE_STATE,
    /** The door lock must stay locked for now; it is released once it may be. */
    LOCK_HELD,
    /** A held door lock was released. */
    LOCK_RELEASED,
    /** The hardware refused a write; everything went to its safe state. */
    DRIVE_FAILED,
    /** A latched trip was cleared by a reset. */
    CLEARED
  }
}
