package dev.hearth.hub.rollout.store;

/**
 * One line of a device's update history: a rollout it was in and what became of it.
 *
 * @param releaseName the release line offered
 * @param releaseKind {@code program} or {@code agent}
 * @param releaseVersion the version offered
 * @param channel the rollout's channel
 * @param rolloutStatus where the rollout stands
 * @param member where the device's update stands (its rollout id, state, reason, times)
 */
public record DeviceUpdate(
    String releaseName,
    String releaseKind,
    String releaseVersion,
    UpdateChannel channel,
    RolloutStatus rolloutStatus,
    RolloutMember member) {}
