package dev.hearth.hub.rollout.store;

import java.util.EnumMap;
import java.util.Map;

/**
 * How many devices of one group are in each state.
 *
 * @param index the group
 * @param counts devices per state; states with none may be absent
 */
public record GroupTally(int index, Map<DeviceUpdateState, Integer> counts) {

  public GroupTally {
    EnumMap<DeviceUpdateState, Integer> copy = new EnumMap<>(DeviceUpdateState.class);
    copy.putAll(counts);
    counts = Map.copyOf(copy);
  }

  public int count(DeviceUpdateState state) {
    return counts.getOrDefault(state, 0);
  }

  /** The devices that count: everyone but the excluded. */
  public int members() {
    return sum(s -> s.counts());
  }

  public int committed() {
    return count(DeviceUpdateState.COMMITTED);
  }

  /** Failed or rolled back. */
  public int failures() {
    return sum(DeviceUpdateState::isFailure);
  }

  /** Not in a final state yet: pending or in flight. */
  public int unfinished() {
    return sum(s -> s.counts() && !s.isFinal());
  }

  private int sum(java.util.function.Predicate<DeviceUpdateState> which) {
    int n = 0;
    for (Map.Entry<DeviceUpdateState, Integer> e : counts.entrySet()) {
      if (which.test(e.getKey())) {
        n += e.getValue();
      }
    }
    return n;
  }
}
