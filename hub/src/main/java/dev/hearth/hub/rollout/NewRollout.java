package dev.hearth.hub.rollout;

import dev.hearth.hub.rollout.store.RolloutPlan;
import dev.hearth.hub.rollout.store.UpdateChannel;
import java.util.Objects;

/**
 * A maintainer's request for a rollout.
 *
 * @param revisionId the released revision to roll out
 * @param channel the channel to release it on; the revision must be released there
 * @param plan groups, thresholds and window
 */
public record NewRollout(String revisionId, UpdateChannel channel, RolloutPlan plan) {

  public NewRollout {
    Objects.requireNonNull(revisionId, "revisionId");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(plan, "plan");
  }
}
