package dev.hearth.hub.rollout;

import dev.hearth.hub.rollout.store.GroupTally;
import dev.hearth.hub.rollout.store.Rollout;
import dev.hearth.hub.rollout.store.RolloutGroup;
import java.time.Instant;

/**
 * Passes a group once at least the plan's success threshold of its devices committed the update. An
 * empty group passes (nothing to wait for).
 */
public final class InstallSuccessGate implements RolloutGate {

  @Override
  public GateVerdict judge(Rollout rollout, RolloutGroup group, GroupTally tally, Instant now) {
    int members = tally.members();
    int committed = tally.committed();
    int threshold = rollout.plan().successThreshold();
    String detail =
        GateText.group(rollout, group)
            + ": "
            + committed
            + " of "
            + members
            + " devices committed ("
            + GateText.percent(committed, members)
            + "), "
            + threshold
            + " % needed";
    // Integer arithmetic: 19 of 20 is exactly 95 %, which must pass a 95 % threshold.
    return (long) committed * 100 >= (long) threshold * members
        ? GateVerdict.pass(detail)
        : GateVerdict.hold(detail);
  }
}
