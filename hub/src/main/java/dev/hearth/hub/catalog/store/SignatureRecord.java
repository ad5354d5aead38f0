package dev.hearth.hub.catalog.store;

import java.time.Instant;

/**
 * Who put a signature on a revision.
 *
 * @param revisionId the revision
 * @param keyid the key that signed
 * @param ownerId the account that holds it
 * @param role {@code author} or {@code approval}
 * @param signedAt when the hub received it
 */
public record SignatureRecord(
    String revisionId, String keyid, String ownerId, String role, Instant signedAt) {

  public static final String AUTHOR = "author";
  public static final String APPROVAL = "approval";
}
