package dev.hearth.hub.rollout.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A rollout as stored.
 *
 * @param id e.g. {@code ro-5f2c91d04a7b}; also the {@code rolloutId} of its offers
 * @param release what it offers
 * @param channel the channel it releases on; see {@link UpdateChannel#audience()}
 * @param plan groups, thresholds and window
 * @param groups the plan's groups as they stand, in order
 * @param status where it stands
 * @param currentGroup the newest opened group (devices that appear now join it)
 * @param reason why it is paused, waiting or cancelled; null while it simply runs or once complete
 * @param createdBy the maintainer or admin who created it
 * @param createdAt when
 * @param updatedAt when its status or current group last changed
 * @param rowVersion counts those changes; a change names the version it replaces
 */
public record Rollout(
    String id,
    ReleaseSnapshot release,
    UpdateChannel channel,
    RolloutPlan plan,
    List<RolloutGroup> groups,
    RolloutStatus status,
    int currentGroup,
    StatusReason reason,
    String createdBy,
    Instant createdAt,
    Instant updatedAt,
    long rowVersion) {

  public Rollout {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(release, "release");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(status, "status");
    groups = List.copyOf(groups);
  }

  public RolloutGroup group(int index) {
    return groups.get(index);
  }

  /** Who it is for. */
  public Audience audience() {
    return new Audience(release.profiles(), channel);
  }

  /** Whether the current group is the last one. */
  public boolean inLastGroup() {
    return currentGroup >= plan.lastGroup();
  }
}
