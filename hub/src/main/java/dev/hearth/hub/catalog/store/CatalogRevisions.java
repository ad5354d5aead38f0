package dev.hearth.hub.catalog.store;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Revisions, their signers, simulator reports and releases. */
public interface CatalogRevisions {

  /**
   * Stores a new revision with its author's signature.
   *
   * @return false when a revision of the same name, kind and version exists; nothing changes then
   */
  boolean insert(RevisionRecord revision, SignatureRecord author);

  Optional<RevisionRecord> find(String id);

  /** The revision of one release: name, kind and version. */
  Optional<RevisionRecord> find(String name, String kind, String version);

  /**
   * Revisions newest first, optionally only those for {@code profile} or in {@code status}.
   *
   * @param limit at most this many
   */
  List<RevisionRecord> list(Optional<String> profile, Optional<RevisionStatus> status, int limit);

  /** Every revision of one release line (name and kind), in no particular order. */
  List<RevisionRecord> line(String name, String kind);

  /**
   * Replaces the envelope (a signature was appended) and the status, and records the signer, if the
   * envelope is still the one the caller read.
   *
   * @return false when another change came first; nothing changes then
   */
  boolean updateEnvelope(
      String id,
      int expectedRevision,
      String envelope,
      RevisionStatus status,
      SignatureRecord signer);

  /** Moves a revision from one status to another; false when it was not in {@code from}. */
  boolean changeStatus(String id, RevisionStatus from, RevisionStatus to);

  /**
   * Stores the simulator's reports and moves the revision from {@code validating} to {@code
   * validated}, in one transaction.
   */
  void completeValidation(String id, List<ReportRecord> reports);

  List<ReportRecord> reports(String id);

  List<SignatureRecord> signatures(String id);

  /**
   * Records a release and marks the revision released.
   *
   * @return false when it was already released to that channel
   */
  boolean release(ReleaseRecord release);

  List<ReleaseRecord> releases(String id);

  /** Revisions released to any of {@code channels} for {@code profile}. */
  List<RevisionRecord> released(String profile, Collection<String> channels);
}
