package dev.hearth.hub.rollout;

import dev.hearth.hub.gateway.IngestListener;
import dev.hearth.hub.rollout.store.ProgressReport;
import dev.hearth.hub.rollout.store.RolloutMember;
import dev.hearth.hub.rollout.store.Rollouts;
import dev.hearth.hub.store.IngestBatch;
import dev.hearth.hub.store.IngestBatch.EventRow;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the devices' {@code update-progress} events, once they are durable, to their rollout
 * members, and settles the gates of a rollout at once when one of its devices failed or rolled
 * back, so the error threshold pauses it before the next offer goes out rather than at the next
 * engine step.
 *
 * <p>It queries the store: hand it to the gateway behind a {@code QueuedIngestListener}.
 */
public final class ProgressRecorder implements IngestListener {

  private static final Logger LOG = LoggerFactory.getLogger(ProgressRecorder.class);

  private final Rollouts rollouts;
  private final RolloutGatekeeper gatekeeper;
  private final RolloutNews news;
  private final Clock clock;

  public ProgressRecorder(
      Rollouts rollouts, RolloutGatekeeper gatekeeper, RolloutNews news, Clock clock) {
    this.rollouts = rollouts;
    this.gatekeeper = gatekeeper;
    this.news = news;
    this.clock = clock;
  }

  @Override
  public void onCommitted(IngestBatch batch) {
    Instant now = clock.instant();
    List<ProgressReport> reports = new ArrayList<>();
    for (EventRow row : batch.events()) {
      ProgressEvents.read(row, now).ifPresent(reports::add);
    }
    if (reports.isEmpty()) {
      return;
    }
    List<RolloutMember> changed = rollouts.progressAll(reports);
    if (changed.size() < reports.size()) {
      LOG.debug(
          "{} of {} progress reports matched no rollout device in a state they can move",
          reports.size() - changed.size(),
          reports.size());
    }
    Set<String> failing = new LinkedHashSet<>();
    for (RolloutMember m : changed) {
      news.changed(m.rolloutId());
      if (m.state().isFailure()) {
        failing.add(m.rolloutId());
      }
    }
    for (String rolloutId : failing) {
      gatekeeper.settle(rolloutId);
    }
  }
}
