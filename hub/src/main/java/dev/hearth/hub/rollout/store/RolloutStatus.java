package dev.hearth.hub.rollout.store;

import java.util.Locale;

/** Where a rollout stands. */
public enum RolloutStatus {
  /** Offers go out to the devices of the opened groups; gates are watched. */
  RUNNING,
  /** The current group passed its gates; the next one waits for a maintainer's approval. */
  AWAITING_APPROVAL,
  /** Stopped by a tripped gate or by hand: no offers until someone resumes it. */
  PAUSED,
  /** Every group was opened and every device reached a final state. */
  COMPLETED,
  /** Stopped for good by hand. */
  CANCELLED;

  /** Not finished: the engine still looks after it. */
  public boolean isActive() {
    return this == RUNNING || this == AWAITING_APPROVAL || this == PAUSED;
  }

  /**
   * Offers may go out to devices of opened groups. Waiting for approval holds back the next group
   * only, not the devices already in opened groups.
   */
  public boolean offers() {
    return this == RUNNING || this == AWAITING_APPROVAL;
  }

  /** The lower-case name used in the API, e.g. {@code awaiting-approval}. */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
