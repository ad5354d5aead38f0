package dev.hearth.hub.rollout.store;

import java.time.Instant;

/**
 * A group of a rollout as it stands.
 *
 * @param index its place, from 0
 * @param spec what the plan says about it
 * @param openedAt when its devices started to get offers, null while closed
 * @param approvedBy who approved its opening, null when it needed no approval or is closed
 * @param failuresAccepted failures a maintainer accepted by resuming after a pause; the error
 *     threshold counts only failures beyond these
 */
public record RolloutGroup(
    int index, GroupSpec spec, Instant openedAt, String approvedBy, int failuresAccepted) {

  public boolean isOpen() {
    return openedAt != null;
  }
}
