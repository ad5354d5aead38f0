package dev.hearth.hub.catalog.store;

import java.time.Instant;
import java.util.List;

/**
 * A submitted firmware revision.
 *
 * @param id the revision's id, e.g. {@code rev-3f9c0a7d21b4}
 * @param name the release line's name (the manifest's)
 * @param kind {@code program} or {@code agent}
 * @param version the manifest's version
 * @param profiles the manifest's profiles, in its order
 * @param status where it stands
 * @param envelope the signed manifest envelope as JSON text, signatures so far included
 * @param envelopeRevision how often the envelope changed; a change must name the one it replaces
 * @param sha256 the artifact's SHA-256
 * @param size the artifact's size
 * @param changelog the manifest's changelog
 * @param authorKeyid the manifest's author
 * @param submittedBy the account that pushed it
 * @param submittedAt when it was pushed
 */
public record RevisionRecord(
    String id,
    String name,
    String kind,
    String version,
    List<String> profiles,
    RevisionStatus status,
    String envelope,
    int envelopeRevision,
    String sha256,
    long size,
    String changelog,
    String authorKeyid,
    String submittedBy,
    Instant submittedAt) {

  public RevisionRecord {
    profiles = List.copyOf(profiles);
  }

  public RevisionRecord withStatus(RevisionStatus value) {
    return new RevisionRecord(
        id,
        name,
        kind,
        version,
        profiles,
        value,
        envelope,
        envelopeRevision,
        sha256,
        size,
        changelog,
        authorKeyid,
        submittedBy,
        submittedAt);
  }
}
