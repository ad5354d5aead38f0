package dev.hearth.hub.rollout;

import dev.hearth.hub.live.LiveUpdates;
import dev.hearth.hub.rollout.store.Rollout;
import dev.hearth.hub.rollout.store.Rollouts;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes where rollouts stand to the live streams of maintainers and admins ({@code event:
 * rollout}, the same JSON as {@code GET /api/v1/rollouts/{id}}). Progress events arrive by the
 * thousand in a large rollout; they only mark their rollout changed, and {@link #flush()} (a
 * periodic job, about once a second) counts and pushes each changed rollout once.
 */
public final class RolloutNews {

  private static final Logger LOG = LoggerFactory.getLogger(RolloutNews.class);

  private final Rollouts rollouts;
  private final LiveUpdates live;
  private final Set<String> changed = ConcurrentHashMap.newKeySet();

  public RolloutNews(Rollouts rollouts, LiveUpdates live) {
    this.rollouts = rollouts;
    this.live = live;
  }

  /** Marks a rollout changed; the next {@link #flush()} pushes it. */
  public void changed(String rolloutId) {
    changed.add(rolloutId);
  }

  /** Pushes every rollout marked changed since the last flush. */
  public void flush() {
    List<String> due = new ArrayList<>(changed);
    for (String id : due) {
      changed.remove(id);
      try {
        publishNow(id);
      } catch (RuntimeException e) {
        changed.add(id);
        LOG.warn("could not push rollout {}; trying again at the next flush", id, e);
      }
    }
  }

  /** Pushes a rollout now (after a maintainer's action, which the page waits for). */
  public void publishNow(String rolloutId) {
    rollouts.find(rolloutId).ifPresent(this::publish);
  }

  /** Pushes {@code rollout} with its current counts. */
  public void publish(Rollout rollout) {
    live.publishRollout(rollout.id(), RolloutJson.rollout(rollout, rollouts.tally(rollout.id())));
  }
}
