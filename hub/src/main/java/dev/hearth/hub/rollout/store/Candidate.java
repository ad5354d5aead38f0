package dev.hearth.hub.rollout.store;

/**
 * A device in a rollout's audience that is not a member yet: an active, owned device of one of the
 * release's profiles, on a channel that takes the release.
 *
 * @param deviceId the device
 * @param ownerId its owner
 * @param firmwareName the installed program bundle's name, or null
 * @param firmwareVersion the installed program bundle's version, or null
 * @param agentVersion the agent's version, or null
 */
public record Candidate(
    String deviceId,
    String ownerId,
    String firmwareName,
    String firmwareVersion,
    String agentVersion) {}
