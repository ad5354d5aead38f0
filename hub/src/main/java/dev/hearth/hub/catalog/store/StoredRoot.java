package dev.hearth.hub.catalog.store;

import java.time.Instant;

/**
 * A root metadata envelope the hub trusted.
 *
 * @param version the root's version
 * @param envelope the envelope JSON text as uploaded
 * @param expires the root's expiry
 * @param uploadedBy the admin's account id, or null for the configured initial root
 * @param uploadedAt when it was stored
 */
public record StoredRoot(
    int version, String envelope, Instant expires, String uploadedBy, Instant uploadedAt) {}
