package dev.hearth.hub.catalog;

/**
 * Where an upload stands.
 *
 * @param id the upload's id, or null when the artifact was already stored and nothing needs to be
 *     sent
 * @param sha256 the artifact's SHA-256
 * @param size its announced size
 * @param offset bytes received so far: the next chunk starts here
 * @param complete true once the artifact is stored (verified)
 */
public record UploadState(String id, String sha256, long size, long offset, boolean complete) {}
