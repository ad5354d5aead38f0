package dev.hearth.specs.trust;

import java.util.HashMap;
import java.util.List;

/**
 * Moves trust from the pinned root to newer ones. Root N+1 is trusted only when its version is
 * exactly N+1 and it is signed by the threshold of root N's root keys (the old keys hand over) and
 * by the threshold of its own root keys (the new keys accept).
 */
final class RootChain {

  /** Where following the chain ended: the newest trusted root, or why the chain broke. */
  record Outcome(RootMetadata trusted, Verdict broken) {
    boolean holds() {
      return broken == null;
    }
  }

  private RootChain() {}

  static Outcome follow(RootMetadata pinned, List<SignedRoot> newer) {
    RootMetadata trusted = pinned;
    for (SignedRoot next : newer) {
      RootMetadata candidate = next.metadata();
      if (candidate.version() != trusted.version() + 1) {
        return broken(
            trusted,
            "root v"
                + candidate.version()
                + " cannot follow trusted root v"
                + trusted.version()
                + ": the next root must be v"
                + (trusted.version() + 1));
      }
      var known = new HashMap<>(trusted.keys());
      known.putAll(candidate.keys());
      SignatureTally tally = SignatureTally.of(next.envelope(), known);
      var bad = tally.firstBad();
      if (bad.isPresent()) {
        String owner = known.get(bad.get()).describe();
        return broken(
            trusted,
            "root v" + candidate.version() + ": the signature by " + owner + " does not verify");
      }
      String oldKeys = "root v" + trusted.version() + "'s root keys";
      String problem = missingThreshold(tally, trusted.root(), trusted, oldKeys);
      if (problem == null) {
        problem = missingThreshold(tally, candidate.root(), candidate, "its own root keys");
      }
      if (problem != null) {
        return broken(trusted, "root v" + candidate.version() + " is not signed by " + problem);
      }
      trusted = candidate;
    }
    return new Outcome(trusted, null);
  }

  private static String missingThreshold(
      SignatureTally tally, Role role, RootMetadata namingRoot, String whose) {
    List<String> signers = tally.validIn(role.keyids());
    if (signers.size() >= role.threshold()) {
      return null;
    }
    return "the threshold of "
        + whose
        + ": "
        + signers.size()
        + " of "
        + role.threshold()
        + " (valid: "
        + SignatureTally.names(signers, namingRoot)
        + ")";
  }

  private static Outcome broken(RootMetadata trusted, String detail) {
    return new Outcome(trusted, Verdict.rejected(Reason.BROKEN_ROOT_CHAIN, detail));
  }
}
