package dev.hearth.hub.rollout;

import dev.hearth.hub.rollout.store.GroupSpec;
import dev.hearth.hub.rollout.store.Rollout;
import dev.hearth.hub.rollout.store.RolloutGroup;

/** How gates name groups and shares for people: "group 2 of 3 (10 %)", "15 %". */
final class GateText {

  private GateText() {}

  static String group(Rollout rollout, RolloutGroup group) {
    return "group "
        + (group.index() + 1)
        + " of "
        + rollout.groups().size()
        + " ("
        + size(group.spec())
        + ")";
  }

  /** "up to 10 %" or "5 devices". */
  static String size(GroupSpec spec) {
    return spec.measure() == GroupSpec.Measure.PERCENT
        ? "up to " + spec.amount() + " %"
        : spec.amount() + " devices";
  }

  static String percent(int part, int whole) {
    if (whole == 0) {
      return "0 %";
    }
    double p = part * 100.0 / whole;
    return (p == Math.rint(p)
            ? String.valueOf((long) p)
            : String.format(java.util.Locale.ROOT, "%.1f", p))
        + " %";
  }
}
