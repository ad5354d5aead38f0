package dev.hearth.hub.rollout;

import dev.hearth.hub.rollout.store.Rollout;
import dev.hearth.hub.rollout.store.RolloutGroup;
import dev.hearth.hub.rollout.store.RolloutStatus;
import dev.hearth.hub.rollout.store.RolloutTally;
import dev.hearth.hub.rollout.store.Rollouts;
import dev.hearth.hub.rollout.store.StatusReason;
import dev.hearth.hub.rollout.store.Transition;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Asks the gates about a rollout's opened groups and moves it: pauses it when one trips, opens the
 * next group (or waits for its approval) when the current one passes, completes it when the last
 * group passed and every device finished. Changes are conditional on the rollout not having changed
 * since it was read, so a maintainer's pause and the engine never overwrite each other.
 */
public final class RolloutGatekeeper {

  private final Rollouts rollouts;
  private final List<RolloutGate> gates;
  private final Clock clock;

  /**
   * @param gates asked in order about every opened group
   */
  public RolloutGatekeeper(Rollouts rollouts, List<RolloutGate> gates, Clock clock) {
    this.rollouts = rollouts;
    this.gates = List.copyOf(gates);
    this.clock = clock;
  }

  /** The gates every rollout watches today: install failures, then install success. */
  public static List<RolloutGate> installGates() {
    return List.of(new InstallFailureGate(), new InstallSuccessGate());
  }

  /**
   * Moves the rollout as far as its gates let it now (an empty group passes at once, so several
   * groups may open in one call).
   *
   * @return the rollout as it stands afterwards, empty when it does not exist
   */
  public Optional<Rollout> settle(String rolloutId) {
    Optional<Rollout> current = rollouts.find(rolloutId);
    // Bounded: each move opens a group or ends the loop.
    for (int moves = 0; current.isPresent() && moves <= current.get().groups().size(); moves++) {
      Rollout r = current.get();
      Instant now = clock.instant();
      Decision decision = decide(r, rollouts.tally(r.id()), now);
      if (decision.kind() == Decision.Kind.STAY
          || !rollouts.transition(transition(r, decision, now))) {
        // Stay, or someone changed it meanwhile: the next step reads it afresh.
        return rollouts.find(rolloutId);
      }
      current = rollouts.find(rolloutId);
    }
    return current;
  }

  /** What the gates say about the rollout now. */
  Decision decide(Rollout r, RolloutTally tally, Instant now) {
    if (!r.status().offers()) {
      return Decision.STAY; // paused (only a maintainer resumes it) or finished
    }
    for (RolloutGroup group : r.groups()) {
      if (group.index() > r.currentGroup()) {
        break;
      }
      for (RolloutGate gate : gates) {
        GateVerdict verdict = gate.judge(r, group, tally.group(group.index()), now);
        if (verdict.trips()) {
          return new Decision(
              Decision.Kind.PAUSE, new StatusReason(verdict.code(), verdict.detail(), now));
        }
      }
    }
    if (r.status() != RolloutStatus.RUNNING) {
      return Decision.STAY; // awaiting approval: only a maintainer opens the next group
    }
    RolloutGroup current = r.group(r.currentGroup());
    for (RolloutGate gate : gates) {
      if (!gate.judge(r, current, tally.group(current.index()), now).passes()) {
        return Decision.STAY;
      }
    }
    if (r.inLastGroup()) {
      return tally.allFinished() ? new Decision(Decision.Kind.COMPLETE, null) : Decision.STAY;
    }
    RolloutGroup next = r.group(r.currentGroup() + 1);
    if (next.spec().approval()) {
      return new Decision(
          Decision.Kind.AWAIT_APPROVAL,
          new StatusReason(
              StatusReason.AWAITING_APPROVAL,
              "group "
                  + (current.index() + 1)
                  + " passed its gates; group "
                  + (next.index() + 1)
                  + " of "
                  + r.groups().size()
                  + " ("
                  + GateText.size(next.spec())
                  + ") waits for a maintainer's approval",
              now));
    }
    return new Decision(Decision.Kind.ADVANCE, null);
  }

  private static Transition transition(Rollout r, Decision d, Instant now) {
    switch (d.kind()) {
      case PAUSE:
        return Transition.of(r, RolloutStatus.PAUSED, d.reason(), now);
      case AWAIT_APPROVAL:
        return Transition.of(r, RolloutStatus.AWAITING_APPROVAL, d.reason(), now);
      case ADVANCE:
        return Transition.nextGroup(r, null, now);
      case COMPLETE:
        return Transition.of(r, RolloutStatus.COMPLETED, null, now);
      default:
        throw new IllegalArgumentException("not a move: " + d);
    }
  }
}
