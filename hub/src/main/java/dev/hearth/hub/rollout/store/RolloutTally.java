package dev.hearth.hub.rollout.store;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How many devices of a rollout are in each state, per group.
 *
 * @param groups one tally per group of the plan, in order (empty groups included)
 */
public record RolloutTally(List<GroupTally> groups) {

  public RolloutTally {
    groups = List.copyOf(groups);
  }

  /** Per-group counts from rows of (group, state, count); groups without rows count zero. */
  public static RolloutTally of(int groupCount, List<Row> rows) {
    List<Map<DeviceUpdateState, Integer>> counts = new ArrayList<>();
    for (int i = 0; i < groupCount; i++) {
      counts.add(new EnumMap<>(DeviceUpdateState.class));
    }
    for (Row row : rows) {
      if (row.group() >= 0 && row.group() < groupCount) {
        counts.get(row.group()).merge(row.state(), row.count(), Integer::sum);
      }
    }
    List<GroupTally> tallies = new ArrayList<>();
    for (int i = 0; i < groupCount; i++) {
      tallies.add(new GroupTally(i, counts.get(i)));
    }
    return new RolloutTally(tallies);
  }

  public GroupTally group(int index) {
    return groups.get(index);
  }

  /** Devices per state over all groups. */
  public Map<DeviceUpdateState, Integer> total() {
    Map<DeviceUpdateState, Integer> total = new EnumMap<>(DeviceUpdateState.class);
    for (GroupTally g : groups) {
      g.counts().forEach((state, n) -> total.merge(state, n, Integer::sum));
    }
    return total;
  }

  /** Whether every device of every group reached a final state (or was excluded). */
  public boolean allFinished() {
    return groups.stream().allMatch(g -> g.unfinished() == 0);
  }

  /**
   * One count as the store reads it.
   *
   * @param group the group
   * @param state the state
   * @param count how many devices
   */
  public record Row(int group, DeviceUpdateState state, int count) {}
}
