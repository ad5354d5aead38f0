package dev.hearth.hub.catalog;

import dev.hearth.hardware.profile.ProfileRef;
import dev.hearth.hub.catalog.store.CatalogRevisions;
import dev.hearth.hub.catalog.store.RegisteredKey;
import dev.hearth.hub.catalog.store.RevisionRecord;
import dev.hearth.hub.catalog.store.RevisionStatus;
import dev.hearth.hub.catalog.store.SignatureRecord;
import dev.hearth.specs.trust.EnvelopeCodec;
import dev.hearth.specs.trust.KeyIds;
import dev.hearth.specs.trust.KeySignature;
import dev.hearth.specs.trust.Reason;
import dev.hearth.specs.trust.SignedEnvelope;
import dev.hearth.specs.trust.Verdict;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Maintainers approve a revision by signing its canonical manifest with their own key, offline
 * ({@code hearth fw approve}); the hub checks the signature and appends it to the envelope. The
 * signature must be by a key registered to the maintainer's account that the current root names as
 * a maintainer of one of the revision's profiles, and not the author's: four eyes (SPEC chapter 1,
 * step 8). Reviews start once the simulator reports are in: reviewers approve what they saw.
 */
public final class Reviews {

  private static final int ATTEMPTS = 5;

  private final CatalogRevisions revisions;
  private final AccountKeys keys;
  private final TrustRoots roots;
  private final ReleaseCheck check;
  private final Clock clock;

  Reviews(CatalogRevisions revisions, AccountKeys keys, TrustRoots roots, Clock clock) {
    this.revisions = revisions;
    this.keys = keys;
    this.roots = roots;
    this.check = new ReleaseCheck(clock);
    this.clock = clock;
  }

  /**
   * Adds {@code signature} by {@code ownerId} to a revision's manifest.
   *
   * @return the revision as it is now ({@code approved} once every profile's quorum is met)
   * @throws CatalogException {@code NOT_FOUND}; {@code UNKNOWN_KEY} when the key is not the
   *     account's or the root does not name it; {@code FORBIDDEN} when it maintains none of the
   *     revision's profiles; {@code CONFLICT} for the author's own signature or a revision still
   *     being simulated; {@code BAD_SIGNATURE} when it does not verify
   */
  public RevisionRecord approve(String ownerId, String revisionId, KeySignature signature) {
    for (int attempt = 1; ; attempt++) {
      RevisionRecord record =
          revisions
              .find(revisionId)
              .orElseThrow(() -> CatalogException.notFound("no revision " + revisionId));
      StoredRevision revision = StoredRevision.of(record);
      TrustedRoot root = roots.current();
      requireMaintainerKey(ownerId, revision, root, signature.keyid());
      if (record.status() == RevisionStatus.VALIDATING) {
        throw CatalogException.conflict(
            revisionId + " is still being simulated; review it once its reports are in");
      }
      SignedEnvelope signed = revision.envelope().withSignature(signature);
      Map<ProfileRef, Verdict> verdicts = check.verdicts(root, signed, revision.manifest());
      for (Verdict verdict : verdicts.values()) {
        if (verdict.reason() == Reason.BAD_SIGNATURE) {
          throw new CatalogException(
              CatalogException.Kind.BAD_SIGNATURE,
              "the signature by key "
                  + KeyIds.abbreviate(signature.keyid())
                  + " does not verify over the canonical manifest of "
                  + revisionId
                  + ": sign the manifest the hub serves, unchanged");
        }
      }
      boolean quorum = verdicts.values().stream().allMatch(Verdict::isAccepted);
      RevisionStatus status =
          record.status() == RevisionStatus.VALIDATED && quorum
              ? RevisionStatus.APPROVED
              : record.status();
      boolean updated =
          revisions.updateEnvelope(
              revisionId,
              record.envelopeRevision(),
              new String(EnvelopeCodec.write(signed), StandardCharsets.UTF_8),
              status,
              new SignatureRecord(
                  revisionId,
                  signature.keyid(),
                  ownerId,
                  SignatureRecord.APPROVAL,
                  clock.instant()));
      if (updated) {
        return revisions.find(revisionId).orElseThrow();
      }
      if (attempt == ATTEMPTS) {
        throw CatalogException.conflict(
            "the manifest of " + revisionId + " keeps changing under concurrent approvals; retry");
      }
    }
  }

  private void requireMaintainerKey(
      String ownerId, StoredRevision revision, TrustedRoot root, String keyid) {
    RegisteredKey key =
        keys.find(keyid)
            .filter(k -> k.ownerId().equals(ownerId))
            .orElseThrow(
                () ->
                    new CatalogException(
                        CatalogException.Kind.UNKNOWN_KEY,
                        "key "
                            + KeyIds.abbreviate(keyid)
                            + " is not registered to your account; register its public key file"
                            + " first (POST /api/v1/keys)"));
    if (root.metadata().key(key.keyid()).isEmpty()) {
      throw new CatalogException(
          CatalogException.Kind.UNKNOWN_KEY,
          "root v" + root.version() + " does not name key " + KeyIds.abbreviate(keyid));
    }
    List<ProfileRef> profiles = revision.manifest().profiles();
    boolean maintains =
        profiles.stream()
            .anyMatch(
                p -> root.metadata().maintainers(p).map(m -> m.contains(keyid)).orElse(false));
    if (!maintains) {
      throw new CatalogException(
          CatalogException.Kind.FORBIDDEN,
          "root v"
              + root.version()
              + " does not name key "
              + KeyIds.abbreviate(keyid)
              + " as a maintainer of "
              + profiles);
    }
    if (keyid.equals(revision.manifest().author())) {
      throw CatalogException.conflict(
          "you are the author of "
              + revision.record().id()
              + "; the author's own signature never counts towards the quorum (four eyes)");
    }
  }
}
