package dev.hearth.agent.update;

import dev.hearth.specs.manifest.ManifestKind;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The health check of a new agent build, run by that build right after its first start: the link,
 * the self-test and the programs it loaded must be fine within the deadline. A pass commits the
 * slot; a failure switches back and restarts into the previous build.
 */
final class AgentTrialCheck {

  private static final Logger LOG = LoggerFactory.getLogger(AgentTrialCheck.class);

  private final EngineParts parts;
  private final Trial trial;

  AgentTrialCheck(EngineParts parts, Trial trial) {
    this.parts = parts;
    this.trial = trial;
  }

  /** Runs the check; returns true when this process must now restart into the previous build. */
  boolean run() throws InterruptedException {
    Optional<JournalEntry> entry = parts.journal().find(trial.offerId());
    UpdateProgress p =
        entry
            .map(JournalEntry::progress)
            .orElseGet(() -> UpdateProgress.offered(trial.offerId(), trial.rolloutId()));
    // The self-test drives outputs: the appliance must be idle, and stay so.
    ApplianceGate.Hold hold =
        parts.holdWhenIdle("checking the new agent build " + p.release(), () -> {});
    try {
      p = reach(entry, p.to(UpdateState.HEALTH_CHECK));
      HealthProbe.Result health =
          parts.healthCheck(HealthProbe.bundleLoads(parts.boot().bundle().problem())).run();
      SlotStore slots = parts.files().slots(ManifestKind.AGENT);
      try {
        if (health instanceof HealthProbe.Result.Pass) {
          slots.write(slots.read().committed());
          reach(entry, p.to(UpdateState.COMMITTED));
          return false;
        }
        slots.write(slots.read().rolledBack());
      } catch (IOException e) {
        // The trial stays recorded as booted: the next start rolls it back.
        LOG.error("cannot settle the agent slots: {}", e.toString());
        return true;
      }
      reach(
          entry,
          p.ended(
              UpdateState.ROLLED_BACK,
              UpdateReason.HEALTH_CHECK_FAILED.name(),
              ((HealthProbe.Result.Fail) health).why()));
      return true;
    } finally {
      hold.close();
    }
  }

  private UpdateProgress reach(Optional<JournalEntry> entry, UpdateProgress next)
      throws InterruptedException {
    if (entry.isPresent()) {
      return parts.reporter().reach(entry.get().offer(), next);
    }
    // Without its journal entry the offer cannot be recorded, only reported.
    parts.reporter().tell(next);
    return next;
  }
}
