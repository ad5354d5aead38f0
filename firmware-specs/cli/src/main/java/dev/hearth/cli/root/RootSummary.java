package dev.hearth.cli.root;

import dev.hearth.specs.trust.KeyIds;
import dev.hearth.specs.trust.Role;
import dev.hearth.specs.trust.RootMetadata;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;

/** Prints who a root names, for the person running the ceremony to check. */
final class RootSummary {

  private RootSummary() {}

  static void print(PrintWriter out, RootMetadata root) {
    out.println("  root keys:    " + role(root, root.root()));
    out.println("  hub:          " + role(root, root.hub()));
    out.println(
        "  contributors: "
            + (root.contributors().isEmpty() ? "none" : names(root, root.contributors())));
    root.profiles().entrySet().stream()
        .sorted(Comparator.comparing(e -> e.getKey().toString()))
        .forEach(e -> out.println("  " + e.getKey() + " maintainers: " + role(root, e.getValue())));
  }

  private static String role(RootMetadata root, Role role) {
    return role.threshold() + " of " + names(root, role.keyids());
  }

  private static String names(RootMetadata root, List<String> keyids) {
    return String.join(
        ", ",
        keyids.stream().map(k -> root.describe(k) + " (" + KeyIds.abbreviate(k) + ")").toList());
  }
}
