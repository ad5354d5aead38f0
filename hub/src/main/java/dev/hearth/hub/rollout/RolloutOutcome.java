package dev.hearth.hub.rollout;

import dev.hearth.hub.rollout.store.Rollout;
import dev.hearth.hub.rollout.store.RolloutTally;

/**
 * What became of a maintainer's request about a rollout. Refusals are expected outcomes, so values;
 * the API maps each to its status once, at the edge.
 */
public sealed interface RolloutOutcome {

  /**
   * Done; the rollout as it stands now.
   *
   * @param rollout the rollout
   * @param tally its counts
   */
  record Done(Rollout rollout, RolloutTally tally) implements RolloutOutcome {}

  /**
   * No such rollout.
   *
   * @param detail for people
   */
  record NotFound(String detail) implements RolloutOutcome {}

  /**
   * Not possible in the rollout's state (approving a rollout that waits for nothing).
   *
   * @param detail why, for people
   */
  record Refused(String detail) implements RolloutOutcome {}

  /**
   * The request names something that does not work (an unreleased revision).
   *
   * @param pointer the offending field, a JSON pointer into the request
   * @param detail what is wrong
   */
  record Invalid(String pointer, String detail) implements RolloutOutcome {}
}
