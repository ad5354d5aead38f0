package dev.hearth.hardware.sim;

/**
 * The person standing in front of the appliance. Actions take effect at once and fire the input
 * listeners the way the door switches would.
 */
public interface Person {

  /**
   * Pulls the door handle.
   *
   * @return true when the door is open afterwards; false when a latched door lock held it shut
   *     (only the {@code door-forced} fault lets a washer door open while latched)
   */
  boolean openDoor();

  /** Shuts the door. Always succeeds. */
  void closeDoor();

  boolean isDoorOpen();
}
