package dev.hearth.hub.rollout.store;

import java.time.Instant;

/**
 * A change of a rollout's status, applied only if nobody changed the rollout since it was read.
 *
 * @param rolloutId the rollout
 * @param fromVersion the {@link Rollout#rowVersion()} it was read at
 * @param status the new status
 * @param currentGroup the new current group; groups up to it are opened (stamped with {@code at})
 * @param reason why, or null
 * @param acceptFailures record each group's failures so far as accepted (resuming after a pause)
 * @param approvedBy who approved the group opened now, or null
 * @param at when
 */
public record Transition(
    String rolloutId,
    long fromVersion,
    RolloutStatus status,
    int currentGroup,
    StatusReason reason,
    boolean acceptFailures,
    String approvedBy,
    Instant at) {

  /** A change to {@code status} keeping the current group. */
  public static Transition of(Rollout r, RolloutStatus status, StatusReason reason, Instant at) {
    return new Transition(
        r.id(), r.rowVersion(), status, r.currentGroup(), reason, false, null, at);
  }

  /** Opens the next group and runs. */
  public static Transition nextGroup(Rollout r, String approvedBy, Instant at) {
    return new Transition(
        r.id(),
        r.rowVersion(),
        RolloutStatus.RUNNING,
        r.currentGroup() + 1,
        null,
        false,
        approvedBy,
        at);
  }

  /** Runs again, accepting the failures seen so far. */
  public static Transition resume(Rollout r, Instant at) {
    return new Transition(
        r.id(), r.rowVersion(), RolloutStatus.RUNNING, r.currentGroup(), null, true, null, at);
  }
}
