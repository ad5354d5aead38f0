package dev.hearth.hub.rollout.store;

import java.time.Instant;

/**
 * One device in a rollout and where its update stands.
 *
 * @param rolloutId the rollout
 * @param deviceId the device
 * @param ownerId its owner when it joined
 * @param group its group
 * @param state where its update stands
 * @param reason on {@code failed} and {@code rolled-back}, the device's reason (a verdict of the
 *     trust chapter, or {@code HEALTH_CHECK_FAILED}, {@code DOWNLOAD_FAILED}, ...); else null
 * @param detail the device's words for people, or null
 * @param progress bytes downloaded over size while downloading, else null
 * @param fromVersion the version installed before, as the device reported it, or null
 * @param offerId its current offer, null before the first
 * @param attempt how many offers it was made (an offer that expired unstarted is made again)
 * @param offeredAt when the current offer was made
 * @param offerExpires when the current offer expires
 * @param deliveredAt when the device acknowledged the current offer, null while it waits for the
 *     device to connect
 * @param joinedAt when it was taken in
 * @param updatedAt when its state last changed
 */
public record RolloutMember(
    String rolloutId,
    String deviceId,
    String ownerId,
    int group,
    DeviceUpdateState state,
    String reason,
    String detail,
    Double progress,
    String fromVersion,
    String offerId,
    int attempt,
    Instant offeredAt,
    Instant offerExpires,
    Instant deliveredAt,
    Instant joinedAt,
    Instant updatedAt) {}
