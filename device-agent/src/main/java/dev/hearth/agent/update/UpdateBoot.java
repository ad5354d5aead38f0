package dev.hearth.agent.update;

import dev.hearth.specs.manifest.ManifestKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles the slots when the agent starts, before anything runs (SPEC 5.4, rule 8): a switch that
 * was not committed counts as a failed health check and is switched back, so a power cut or a
 * {@code kill -9} at any point leaves a build that ran before. The one exception is an agent build
 * on trial that the wrapper has just started for the first time: its health check is due now.
 *
 * <p>Every offer this settles is recorded in the journal with its final state, to be reported once
 * the link is up.
 */
public final class UpdateBoot {

  private static final Logger LOG = LoggerFactory.getLogger(UpdateBoot.class);

  private final UpdateFiles files;
  private final OfferJournal journal;
  private final List<String> concluded = new ArrayList<>();

  private UpdateBoot(UpdateFiles files, OfferJournal journal) {
    this.files = files;
    this.journal = journal;
  }

  /**
   * Settles both kinds of slots and says what to run.
   *
   * @throws UncheckedIOException when a slot table cannot be written
   */
  public static BootState recover(
      UpdateFiles files, OfferJournal journal, InstalledPrograms programs, RunningAgent running) {
    var boot = new UpdateBoot(files, journal);
    try {
      boot.settlePrograms();
      return boot.settleAgents(programs, running);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot settle the update slots: " + e, e);
    }
  }

  private void settlePrograms() throws IOException {
    SlotStore slots = files.slots(ManifestKind.PROGRAM);
    SlotTable table = slots.read();
    if (table.trial().isPresent()) {
      Trial trial = table.trial().get();
      SlotTable back = table.rolledBack();
      slots.write(back);
      rolledBack(
          trial.offerId(),
          "the agent stopped before program slot "
              + table.active().orElseThrow().id()
              + " passed its health check; "
              + running(back, "programs")
              + " run again");
    }
    reconcile(ManifestKind.PROGRAM, slots.read(), Optional.empty());
  }

  private BootState settleAgents(InstalledPrograms programs, RunningAgent running)
      throws IOException {
    SlotStore slots = files.slots(ManifestKind.AGENT);
    SlotTable table = slots.read();
    Optional<SlotRelease> release = running.slot().map(table.contents()::get);
    Optional<Trial> due = Optional.empty();
    boolean restart = false;
    if (table.trial().isPresent()) {
      Trial trial = table.trial().get();
      Slot onTrial = table.active().orElseThrow();
      boolean isTheTrialBuild = running.slot().equals(Optional.of(onTrial));
      if (isTheTrialBuild && trial.stage() == Trial.Stage.SWITCHED) {
        slots.write(table.withTrial(trial.booted()));
        due = Optional.of(trial.booted());
      } else {
        SlotTable back = table.rolledBack();
        slots.write(back);
        rolledBack(
            trial.offerId(),
            isTheTrialBuild
                ? "the new agent build in slot "
                    + onTrial.id()
                    + " stopped during its health check; "
                    + running(back, "agent")
                    + " runs again"
                : "the new agent build in slot "
                    + onTrial.id()
                    + " did not start (this is "
                    + running.describe()
                    + "); "
                    + running(back, "agent")
                    + " runs again");
        // The wrapper starts the active slot; if that is not this build, exit into it.
        restart = running.managed() && !running.slot().equals(back.active());
      }
      slots.clearTrialMarker();
    } else if (running.managed() && !running.slot().equals(table.active())) {
      LOG.warn(
          "agent slot {} is active but this is {}; is the hearth-agent wrapper out of date?",
          table.active().map(Slot::id).orElse("(shipped)"),
          running.describe());
    }
    reconcile(ManifestKind.AGENT, slots.read(), due);
    return new BootState(programs.active(), running, release, due, restart, concluded);
  }

  /**
   * Offers the journal left after their switch whose trial is over (the agent stopped between
   * settling the slots and recording it): committed if their slot is the active one, else rolled
   * back.
   */
  private void reconcile(ManifestKind kind, SlotTable table, Optional<Trial> due) {
    for (JournalEntry e : journal.unfinished()) {
      UpdateProgress p = e.progress();
      boolean switched =
          p.state() == UpdateState.REBOOTING || p.state() == UpdateState.HEALTH_CHECK;
      boolean onTrial =
          table
              .trial()
              .map(Trial::offerId)
              .or(() -> due.map(Trial::offerId))
              .filter(id -> id.equals(p.offerId()))
              .isPresent();
      if (!switched || onTrial || !kind.jsonName().equals(p.kind())) {
        continue;
      }
      boolean active =
          table.activeRelease().map(SlotRelease::offerId).filter(p.offerId()::equals).isPresent();
      if (active) {
        journal.record(e.offer(), p.to(UpdateState.COMMITTED));
        concluded.add(p.offerId());
      } else {
        rolledBack(p.offerId(), "the agent stopped during the health check; the switch was undone");
      }
    }
  }

  private void rolledBack(String offerId, String detail) {
    LOG.warn("update offer {} rolled back: {}", offerId, detail);
    Optional<JournalEntry> entry = journal.find(offerId);
    if (entry.isEmpty() || entry.get().isFinished()) {
      return;
    }
    journal.record(
        entry.get().offer(),
        entry
            .get()
            .progress()
            .ended(UpdateState.ROLLED_BACK, UpdateReason.HEALTH_CHECK_FAILED.name(), detail));
    concluded.add(offerId);
  }

  private static String running(SlotTable table, String what) {
    return table
        .activeRelease()
        .map(r -> r.name() + " " + r.version() + " (slot " + table.active().get().id() + ")")
        .orElse("the shipped " + what);
  }
}
