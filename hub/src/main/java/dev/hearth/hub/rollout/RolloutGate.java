package dev.hearth.hub.rollout;

import dev.hearth.hub.rollout.store.GroupTally;
import dev.hearth.hub.rollout.store.Rollout;
import dev.hearth.hub.rollout.store.RolloutGroup;
import java.time.Instant;

/**
 * A condition a rollout watches on each opened group. Every gate is asked about every opened group
 * at each step: a trip in any group pauses the rollout; the current group advances (or, in the last
 * group, the rollout may complete) only when every gate passes it.
 *
 * <p>The gates shipped judge the install: {@link InstallSuccessGate} (enough committed) and {@link
 * InstallFailureGate} (too many failed or rolled back). A gate may also watch what appliances do
 * after the update (cycles completed, faults): it reads what it needs itself and judges the group's
 * devices from it.
 */
@FunctionalInterface
public interface RolloutGate {

  /**
   * Judges one opened group.
   *
   * @param rollout the rollout as it stands
   * @param group the group
   * @param tally how many of its devices are in which state
   * @param now the engine's time
   */
  GateVerdict judge(Rollout rollout, RolloutGroup group, GroupTally tally, Instant now);
}
