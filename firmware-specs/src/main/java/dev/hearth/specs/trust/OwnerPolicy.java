package dev.hearth.specs.trust;

import java.util.List;

/**
 * An owner's own rules on top of the root's: they can only make acceptance harder.
 *
 * @param requiredSigners keyids that must have signed every release, e.g. a reviewer the owner
 *     trusts; each must be a key the root names
 * @param minimumApprovals maintainer approvals required (counted like the quorum); below the
 *     profile's threshold it has no effect
 */
public record OwnerPolicy(List<String> requiredSigners, int minimumApprovals) {

  /** No rules beyond the root's. */
  public static final OwnerPolicy NONE = new OwnerPolicy(List.of(), 0);

  public OwnerPolicy {
    requiredSigners = List.copyOf(requiredSigners);
    for (String keyid : requiredSigners) {
      if (!KeyIds.isWellFormed(keyid)) {
        throw new IllegalArgumentException(
            "required signer '" + keyid + "' is not a keyid (64 lower-case hex digits)");
      }
    }
    if (minimumApprovals < 0) {
      throw new IllegalArgumentException("minimumApprovals must be 0 or more");
    }
  }
}
