package dev.hearth.hub.rollout.store;

/**
 * One group of a rollout's plan.
 *
 * @param measure how {@code amount} counts
 * @param amount for {@link Measure#PERCENT}, the share of the rollout's target reached once this
 *     group is in (cumulative: 1, 10, 50, 100); for {@link Measure#SIZE}, how many more devices
 * @param approval whether a maintainer must approve before this group opens
 */
public record GroupSpec(Measure measure, int amount, boolean approval) {

  /** How a group's amount counts. */
  public enum Measure {
    PERCENT,
    SIZE
  }

  /** Checked by {@link RolloutPlan}, which knows the group's place. */
  public GroupSpec {
    if (measure == null) {
      throw new IllegalArgumentException("a group needs a percent or a size");
    }
  }

  /** Up to {@code percent} % of the target. */
  public static GroupSpec percent(int percent) {
    return new GroupSpec(Measure.PERCENT, percent, false);
  }

  /** {@code size} more devices. */
  public static GroupSpec size(int size) {
    return new GroupSpec(Measure.SIZE, size, false);
  }

  /** This group, opened only once a maintainer approves. */
  public GroupSpec withApproval() {
    return new GroupSpec(measure, amount, true);
  }
}
