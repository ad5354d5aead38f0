package dev.hearth.specs.runtime;

/** Where a program run stands. */
public enum Phase {
  /** Nothing has run yet. */
  IDLE(false),
  /** Running the normal path. */
  RUNNING(true),
  /** Paused by a person or by an interlock; outputs at rest, the door lock as it was. */
  PAUSED(true),
  /** Running the fault path after a fault or a stop. */
  FAULT_HANDLING(true),
  /** The normal path ended. */
  FINISHED(false),
  /** A fault ended the run; the kernel holds everything safe until the next start. */
  FAULTED(false),
  /** A stop ended the run; the kernel holds everything safe until the next start. */
  STOPPED(false);

  private final boolean active;

  Phase(boolean active) {
    this.active = active;
  }

  /** True while a program is in progress. */
  public boolean isActive() {
    return active;
  }
}
