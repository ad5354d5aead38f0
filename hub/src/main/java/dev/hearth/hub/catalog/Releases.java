package dev.hearth.hub.catalog;

import dev.hearth.hardware.profile.ProfileRef;
import dev.hearth.hub.catalog.store.CatalogRevisions;
import dev.hearth.hub.catalog.store.ReleaseRecord;
import dev.hearth.hub.catalog.store.RevisionRecord;
import dev.hearth.hub.catalog.store.RevisionStatus;
import dev.hearth.specs.trust.Reason;
import dev.hearth.specs.trust.Verdict;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Releases a revision to a channel, only when a device of each of its profiles would accept it now:
 * the real trust verifier against the hub's current root decides (quorum, expiry), so the hub never
 * offers what devices will refuse.
 */
public final class Releases {

  /** The channels a revision can be released to. */
  public static final List<String> CHANNELS = List.of("beta", "stable");

  private final CatalogRevisions revisions;
  private final TrustRoots roots;
  private final ReleaseCheck check;
  private final Clock clock;

  Releases(CatalogRevisions revisions, TrustRoots roots, Clock clock) {
    this.revisions = revisions;
    this.roots = roots;
    this.check = new ReleaseCheck(clock);
    this.clock = clock;
  }

  /**
   * Releases {@code revisionId} to {@code channel}; releasing it there again changes nothing.
   *
   * @return the release
   * @throws CatalogException {@code INVALID} for an unknown channel, {@code NOT_FOUND}, {@code
   *     CONFLICT} while it is simulated or when a device would refuse it for another reason than
   *     the quorum (expired), {@code QUORUM_NOT_MET} with who signed so far
   */
  public ReleaseRecord release(String ownerId, String revisionId, String channel) {
    if (!CHANNELS.contains(channel)) {
      throw CatalogException.invalid("/channel", "must be one of " + CHANNELS);
    }
    RevisionRecord record =
        revisions
            .find(revisionId)
            .orElseThrow(() -> CatalogException.notFound("no revision " + revisionId));
    if (record.status() == RevisionStatus.VALIDATING) {
      throw CatalogException.conflict(
          revisionId + " is still being simulated; it can be released once reviewed");
    }
    StoredRevision revision = StoredRevision.of(record);
    Map<ProfileRef, Verdict> verdicts =
        check.verdicts(roots.current(), revision.envelope(), revision.manifest());
    for (Verdict verdict : verdicts.values()) {
      if (verdict.reason() == Reason.QUORUM_NOT_MET) {
        throw new CatalogException(CatalogException.Kind.QUORUM_NOT_MET, verdict.detail());
      }
      if (!verdict.isAccepted()) {
        throw CatalogException.conflict("devices would refuse " + revisionId + ": " + verdict);
      }
    }
    ReleaseRecord release = new ReleaseRecord(revisionId, channel, ownerId, clock.instant());
    revisions.release(release);
    return revisions.releases(revisionId).stream()
        .filter(r -> r.channel().equals(channel))
        .findFirst()
        .orElse(release);
  }
}
