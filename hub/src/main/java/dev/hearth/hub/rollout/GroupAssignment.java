package dev.hearth.hub.rollout;

import dev.hearth.hub.rollout.store.Candidate;
import dev.hearth.hub.rollout.store.GroupSpec;
import dev.hearth.hub.rollout.store.NewMember;
import dev.hearth.hub.rollout.store.ReleaseSnapshot;
import dev.hearth.hub.rollout.store.Rollout;
import dev.hearth.hub.rollout.store.RolloutPlan;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which group each device belongs to.
 *
 * <p>At creation the audience is ordered by a hash of the rollout id and the device id, and cut at
 * the groups' cumulative sizes (a percentage is rounded up, so a 1 % canary of 20 devices is one
 * device, never none). The order is deterministic, the same on every hub instance and after a
 * restart, yet different per rollout, so the same households are not always the canaries.
 *
 * <p>A device that joins later (newly enrolled, or its owner opted in) joins the current group: it
 * is offered the release at once, as the devices already in that stage are, and never lands behind
 * a gate its stage has already passed.
 *
 * <p>Devices that already run the release or a newer version join excluded, in the last group.
 */
final class GroupAssignment {

  private GroupAssignment() {}

  /** The first members of a new rollout. */
  static List<NewMember> initial(
      String rolloutId, ReleaseSnapshot release, RolloutPlan plan, List<Candidate> audience) {
    List<NewMember> members = new ArrayList<>();
    List<Candidate> wanting = new ArrayList<>();
    for (Candidate c : audience) {
      if (UpToDate.test(release, c)) {
        members.add(NewMember.upToDate(c.deviceId(), c.ownerId(), plan.lastGroup()));
      } else {
        wanting.add(c);
      }
    }
    wanting.sort(
        Comparator.comparingLong((Candidate c) -> rank(rolloutId, c.deviceId()))
            .thenComparing(Candidate::deviceId));
    int[] ends = groupEnds(plan, wanting.size());
    int group = 0;
    for (int i = 0; i < wanting.size(); i++) {
      while (i >= ends[group]) {
        group++;
      }
      Candidate c = wanting.get(i);
      members.add(NewMember.pending(c.deviceId(), c.ownerId(), group));
    }
    return members;
  }

  /** A device that appeared while the rollout runs. */
  static NewMember newcomer(Rollout rollout, Candidate c) {
    return UpToDate.test(rollout.release(), c)
        ? NewMember.upToDate(c.deviceId(), c.ownerId(), rollout.currentGroup())
        : NewMember.pending(c.deviceId(), c.ownerId(), rollout.currentGroup());
  }

  /**
   * Where each group ends in the ordered audience of {@code n} devices (exclusive, cumulative); the
   * last group ends at {@code n}.
   */
  static int[] groupEnds(RolloutPlan plan, int n) {
    List<GroupSpec> groups = plan.groups();
    int[] ends = new int[groups.size()];
    int end = 0;
    for (int i = 0; i < groups.size(); i++) {
      GroupSpec g = groups.get(i);
      int next =
          g.measure() == GroupSpec.Measure.PERCENT
              ? (int) Math.ceil(n * (g.amount() / 100.0))
              : end + g.amount();
      end = Math.min(n, Math.max(end, next));
      ends[i] = end;
    }
    ends[groups.size() - 1] = n;
    return ends;
  }

  /** The first 8 bytes of SHA-256(rolloutId "/" deviceId), as an unsigned order key. */
  static long rank(String rolloutId, String deviceId) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest((rolloutId + "/" + deviceId).getBytes(StandardCharsets.UTF_8));
      long key = 0;
      for (int i = 0; i < 8; i++) {
        key = (key << 8) | (digest[i] & 0xff);
      }
      // Flip the sign bit, so signed comparison orders the keys as unsigned numbers.
      return key ^ Long.MIN_VALUE;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
