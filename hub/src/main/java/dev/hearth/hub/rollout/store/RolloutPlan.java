package dev.hearth.hub.rollout.store;

import java.util.List;

/**
 * How a rollout proceeds: its ordered groups, the share of a group that must commit before the next
 * one opens, the share that may fail before everything pauses, and the owners' maintenance window.
 * Checked when built; a plan that cannot work fails with the field at fault.
 *
 * @param groups in order; the last one is {@code {percent: 100}}, so every device of the target
 *     belongs to some group
 * @param successThreshold percent of a group's devices that must have committed before the next
 *     group opens (or, for the last group, before the rollout may complete), 1..100
 * @param errorThreshold percent of any opened group's devices that may fail or roll back; one more
 *     pauses the rollout, 0..99
 * @param window when offers may go out in each owner's time zone, or null for any time
 */
public record RolloutPlan(
    List<GroupSpec> groups, int successThreshold, int errorThreshold, MaintenanceWindow window) {

  public static final int DEFAULT_SUCCESS_THRESHOLD = 95;
  public static final int DEFAULT_ERROR_THRESHOLD = 10;
  public static final int MAX_GROUPS = 20;
  public static final int MAX_GROUP_SIZE = 1_000_000;

  /**
   * @throws InvalidPlanException naming the field at fault
   */
  public RolloutPlan {
    if (groups == null || groups.isEmpty()) {
      throw new InvalidPlanException(
          "/groups", "give at least one group, e.g. [{\"percent\": 100}]");
    }
    if (groups.size() > MAX_GROUPS) {
      throw new InvalidPlanException("/groups", "at most " + MAX_GROUPS + " groups");
    }
    groups = List.copyOf(groups);
    int lastPercent = 0;
    for (int i = 0; i < groups.size(); i++) {
      GroupSpec g = groups.get(i);
      if (g.measure() == GroupSpec.Measure.PERCENT) {
        String at = "/groups/" + i + "/percent";
        if (g.amount() < 1 || g.amount() > 100) {
          throw new InvalidPlanException(
              at, "must be 1 to 100 (the share reached with this group)");
        }
        if (g.amount() <= lastPercent) {
          throw new InvalidPlanException(
              at, "percentages add up: each must be above the previous one (" + lastPercent + ")");
        }
        lastPercent = g.amount();
      } else if (g.amount() < 1 || g.amount() > MAX_GROUP_SIZE) {
        throw new InvalidPlanException(
            "/groups/" + i + "/size", "must be 1 to " + MAX_GROUP_SIZE + " devices");
      }
    }
    GroupSpec last = groups.get(groups.size() - 1);
    if (last.measure() != GroupSpec.Measure.PERCENT || last.amount() != 100) {
      throw new InvalidPlanException(
          "/groups/" + (groups.size() - 1),
          "the last group must be {\"percent\": 100}, so every device belongs to a group");
    }
    if (groups.get(0).approval()) {
      throw new InvalidPlanException(
          "/groups/0/approval",
          "the first group opens when the rollout is created; approval gates later groups");
    }
    if (successThreshold < 1 || successThreshold > 100) {
      throw new InvalidPlanException("/successThreshold", "must be 1 to 100 (percent committed)");
    }
    if (errorThreshold < 0 || errorThreshold > 99) {
      throw new InvalidPlanException("/errorThreshold", "must be 0 to 99 (percent failed)");
    }
  }

  /** One group of everyone, default thresholds, no window. */
  public static RolloutPlan everyone() {
    return new RolloutPlan(
        List.of(GroupSpec.percent(100)), DEFAULT_SUCCESS_THRESHOLD, DEFAULT_ERROR_THRESHOLD, null);
  }

  /** The index of the last group. */
  public int lastGroup() {
    return groups.size() - 1;
  }
}
