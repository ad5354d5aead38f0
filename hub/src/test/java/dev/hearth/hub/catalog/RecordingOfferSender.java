package dev.hearth.hub.catalog;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Remembers the one-off offers it is asked to send, in order. */
public final class RecordingOfferSender implements OfferSender {

  public final List<OneOffOffer> sent = new CopyOnWriteArrayList<>();
  private final AtomicInteger count = new AtomicInteger();

  @Override
  public OfferReceipt send(OneOffOffer offer) {
    sent.add(offer);
    return new OfferReceipt("offer-" + count.incrementAndGet());
  }
}
