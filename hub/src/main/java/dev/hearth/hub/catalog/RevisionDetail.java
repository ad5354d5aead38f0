package dev.hearth.hub.catalog;

import dev.hearth.hub.catalog.store.ReleaseRecord;
import dev.hearth.hub.catalog.store.ReportRecord;
import dev.hearth.hub.catalog.store.RevisionRecord;
import dev.hearth.hub.catalog.store.SignatureRecord;
import java.util.List;

/**
 * Everything a reviewer sees of a revision.
 *
 * @param revision the revision, its signed envelope included
 * @param signers who signed so far, author first
 * @param holders for each signer's keyid, who holds the key as the current root names them
 * @param reviews the quorum per profile
 * @param reports the simulator reports, empty while validating
 * @param releases the channels it is released to
 * @param diff its programs against the previous release of the same line, for program bundles
 */
public record RevisionDetail(
    RevisionRecord revision,
    List<SignatureRecord> signers,
    java.util.Map<String, String> holders,
    List<ReviewStatus> reviews,
    List<ReportRecord> reports,
    List<ReleaseRecord> releases,
    java.util.Optional<ProgramDiff> diff) {}
