package dev.hearth.hub.catalog.store;

import java.time.Instant;

/**
 * A revision released to a channel.
 *
 * @param revisionId the revision
 * @param channel {@code beta} or {@code stable}
 * @param releasedBy the maintainer's or admin's account
 * @param releasedAt when
 */
public record ReleaseRecord(
    String revisionId, String channel, String releasedBy, Instant releasedAt) {}
