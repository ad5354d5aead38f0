package dev.hearth.agent.link;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.hearth.agent.runtime.ApplianceEvent;
import dev.hearth.specs.wire.Event;
import dev.hearth.specs.wire.EventType;
import dev.hearth.specs.wire.UpdateOffer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link UpdateOffers} until the agent has an update engine: every offer is declined with an
 * {@code update-progress} event in state {@code failed}, reason {@code not-supported}, so the
 * rollout counts the device as failed rather than waiting for it.
 */
public final class UnsupportedUpdateOffers implements UpdateOffers {

  private static final Logger log = LoggerFactory.getLogger(UnsupportedUpdateOffers.class);

  private final EventSink events;
  private final LongSupplier clock;

  public UnsupportedUpdateOffers(EventSink events, LongSupplier clock) {
    this.events = events;
    this.clock = clock;
  }

  @Override
  public void offered(UpdateOffer offer) {
    log.warn("update offer {} declined: this agent cannot install updates yet", offer.offerId());
    var data =
        JsonNodeFactory.instance
            .objectNode()
            .put("offerId", offer.offerId())
            .put("rolloutId", offer.rolloutId())
            .put("state", "failed")
            .put("reason", "not-supported");
    events.emit(
        new ApplianceEvent(
            clock.getAsLong(),
            EventType.UPDATE_PROGRESS.wireName(),
            Event.Severity.WARNING,
            "update offer " + offer.offerId() + " declined: this agent cannot install updates yet",
            data));
  }
}
