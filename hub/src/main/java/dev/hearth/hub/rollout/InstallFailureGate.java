package dev.hearth.hub.rollout;

import dev.hearth.hub.rollout.store.GroupTally;
import dev.hearth.hub.rollout.store.Rollout;
import dev.hearth.hub.rollout.store.RolloutGroup;
import dev.hearth.hub.rollout.store.StatusReason;
import java.time.Instant;

/**
 * Trips when more than the plan's error threshold of a group's devices failed or rolled back,
 * beyond the failures a maintainer accepted by resuming. The share is of the whole group, not of
 * the devices finished so far, so one early failure in a large group does not stop everything,
 * while a one-device canary that fails does.
 */
public final class InstallFailureGate implements RolloutGate {

  @Override
  public GateVerdict judge(Rollout rollout, RolloutGroup group, GroupTally tally, Instant now) {
    int members = tally.members();
    int failures = Math.max(0, tally.failures() - group.failuresAccepted());
    int threshold = rollout.plan().errorThreshold();
    String accepted =
        group.failuresAccepted() == 0
            ? ""
            : " (besides " + group.failuresAccepted() + " accepted on resuming)";
    String detail =
        GateText.group(rollout, group)
            + ": "
            + failures
            + " of "
            + members
            + " devices failed or rolled back ("
            + GateText.percent(failures, members)
            + ")"
            + accepted
            + ", above the error threshold of "
            + threshold
            + " %";
    return members > 0 && (long) failures * 100 > (long) threshold * members
        ? GateVerdict.trip(StatusReason.ERROR_THRESHOLD, detail)
        : GateVerdict.pass(detail);
  }
}
