package dev.hearth.hub.catalog;

import java.util.List;

/**
 * How far a revision's review has come for one of its profiles, as the current root sees it.
 *
 * @param profile the hardware profile
 * @param threshold approvals the profile's maintainers require
 * @param approvals maintainers (not the author) whose valid signatures count, by keyid
 * @param met whether a device of this profile would accept the revision now
 * @param verdict the trust verifier's reason and detail, e.g. {@code QUORUM_NOT_MET: ...}
 */
public record ReviewStatus(
    String profile, int threshold, List<Approval> approvals, boolean met, String verdict) {

  /**
   * One counted approval.
   *
   * @param keyid the maintainer's key
   * @param holder who holds it, as the root names them
   */
  public record Approval(String keyid, String holder) {}

  public ReviewStatus {
    approvals = List.copyOf(approvals);
  }
}
