package dev.hearth.agent.update;

import dev.hearth.specs.wire.UpdateOffer;
import java.util.Objects;

/**
 * One offer as the journal keeps it: the offer itself, so an unfinished one can be resumed after a
 * restart, and the last state it reached.
 *
 * @param seq order of arrival, 1 for the first offer this device ever saw
 * @param offer the offer as the hub sent it
 * @param progress the last state reached
 */
public record JournalEntry(long seq, UpdateOffer offer, UpdateProgress progress) {

  public JournalEntry {
    Objects.requireNonNull(offer, "offer");
    Objects.requireNonNull(progress, "progress");
  }

  public boolean isFinished() {
    return progress.state().isFinal();
  }
}
