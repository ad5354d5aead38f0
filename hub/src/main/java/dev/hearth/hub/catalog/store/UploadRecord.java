package dev.hearth.hub.catalog.store;

import java.time.Instant;

/**
 * An artifact upload in progress. How much has arrived is not stored here: it is the length of the
 * upload's part file, which is what a resumed transfer must continue.
 *
 * @param id the upload's id
 * @param ownerId the account uploading
 * @param sha256 the SHA-256 the bytes must have
 * @param size the number of bytes announced
 * @param createdAt when the upload was opened
 */
public record UploadRecord(
    String id, String ownerId, String sha256, long size, Instant createdAt) {}
