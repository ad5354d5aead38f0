package dev.hearth.hub.demo;

/**
 * One simulated appliance of the demo: its profile, the programs the demo keeps starting on it, and
 * the name its owner sees.
 *
 * @param profile e.g. {@code open-washer@1}
 * @param name what the dashboard calls it
 * @param programs program names started in turn, with the default parameters
 */
record DemoAppliance(String profile, String name, java.util.List<String> programs) {

  /** Two washers and two microwaves, doing what households do with them. */
  static java.util.List<DemoAppliance> household(int count) {
    var all =
        java.util.List.of(
            new DemoAppliance(
                "open-washer@1",
                "Bathroom washer",
                java.util.List.of("quick-30", "rinse-and-spin", "cotton-40")),
            new DemoAppliance(
                "open-microwave@1",
                "Kitchen microwave",
                java.util.List.of("reheat", "defrost", "cook")),
            new DemoAppliance(
                "open-washer@1",
                "Basement washer",
                java.util.List.of("cotton-40", "drain", "quick-30")),
            new DemoAppliance(
                "open-microwave@1", "Office microwave", java.util.List.of("cook", "reheat")));
    var out = new java.util.ArrayList<DemoAppliance>();
    for (int i = 0; i < count; i++) {
      DemoAppliance a = all.get(i % all.size());
      out.add(
          i < all.size()
              ? a
              : new DemoAppliance(
                  a.profile(), a.name() + " " + (i / all.size() + 1), a.programs()));
    }
    return out;
  }
}
