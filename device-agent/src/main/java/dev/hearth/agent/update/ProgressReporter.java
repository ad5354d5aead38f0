package dev.hearth.agent.update;

import dev.hearth.agent.link.EventSink;
import dev.hearth.specs.wire.UpdateOffer;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports an offer's states: first on disk (the journal), then to the hub (an {@code
 * update-progress} event through the link's outbox), then to the checkpoint. In that order, a
 * restart finds every state the hub heard of, and reports it again.
 */
final class ProgressReporter {

  private static final Logger LOG = LoggerFactory.getLogger(ProgressReporter.class);

  private final OfferJournal journal;
  private final Clock clock;
  private final UpdateCheckpoint checkpoint;
  private volatile EventSink sink;

  ProgressReporter(OfferJournal journal, Clock clock, UpdateCheckpoint checkpoint) {
    this.journal = journal;
    this.clock = clock;
    this.checkpoint = checkpoint;
  }

  void bind(EventSink events) {
    this.sink = events;
  }

  /** {@code offer} reached {@code p}: recorded, reported, checkpointed. */
  UpdateProgress reach(UpdateOffer offer, UpdateProgress p) throws InterruptedException {
    journal.record(offer, p);
    tell(p);
    checkpoint.reached(p.offerId(), p.state());
    return p;
  }

  /** Reported without recording: download progress, or a state reported again. */
  void tell(UpdateProgress p) {
    LOG.info("update {}", ProgressEvents.message(p));
    EventSink events = sink;
    if (events == null) {
      LOG.warn("no link to report update progress of offer {} on", p.offerId());
      return;
    }
    events.emit(ProgressEvents.event(p, clock.millis()));
  }
}
