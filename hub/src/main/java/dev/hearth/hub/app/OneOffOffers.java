package dev.hearth.hub.app;

import dev.hearth.hub.catalog.CatalogException;
import dev.hearth.hub.catalog.OfferSender;
import dev.hearth.hub.gateway.OfferPublisher;
import dev.hearth.hub.rollout.OfferMaker;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Installs by hand (an owner's pull): the offer goes to the device at once over its {@code update}
 * topic. Unlike a rollout's offers it is not kept for later: a device that is not connected is
 * refused with a clear reason, and the owner tries again when it is online. Its progress events are
 * stored with the device's other events.
 */
final class OneOffOffers implements OfferSender {

  static final Duration OFFER_TTL = Duration.ofHours(1);
  private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(10);

  private final OfferPublisher publisher;
  private final OfferMaker maker;
  private final Clock clock;

  OneOffOffers(OfferPublisher publisher, OfferMaker maker, Clock clock) {
    this.publisher = publisher;
    this.maker = maker;
    this.clock = clock;
  }

  @Override
  public OfferReceipt send(OneOffOffer offer) {
    String offerId = "m" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    var update =
        maker.oneOff(offerId, offer.manifest(), offer.sha256(), clock.instant().plus(OFFER_TTL));
    boolean delivered;
    try {
      delivered =
          publisher
              .publish(offer.deviceId(), update)
              .toCompletableFuture()
              .get(DELIVERY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable(offer, "the hub is shutting down");
    } catch (ExecutionException | TimeoutException e) {
      throw unavailable(offer, "it did not acknowledge the offer in time");
    }
    if (!delivered) {
      throw unavailable(offer, "it is not connected now; install again once it is online");
    }
    return new OfferReceipt(offerId);
  }

  private static CatalogException unavailable(OneOffOffer offer, String why) {
    return new CatalogException(
        CatalogException.Kind.UNAVAILABLE,
        "cannot offer " + offer.revisionId() + " to " + offer.deviceId() + ": " + why);
  }
}
