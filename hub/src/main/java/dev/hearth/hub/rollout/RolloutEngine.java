package dev.hearth.hub.rollout;

import dev.hearth.hub.gateway.OfferPublisher;
import dev.hearth.hub.rollout.store.Candidate;
import dev.hearth.hub.rollout.store.MaintenanceWindow;
import dev.hearth.hub.rollout.store.NewMember;
import dev.hearth.hub.rollout.store.Rollout;
import dev.hearth.hub.rollout.store.RolloutMember;
import dev.hearth.hub.rollout.store.Rollouts;
import dev.hearth.specs.wire.UpdateOffer;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives every active rollout, one step per {@link #tick()}:
 *
 * <ol>
 *   <li>offers that expired unstarted go back to pending (they are made again, with a new id);
 *   <li>for each active rollout this instance holds the lease of: devices that left the audience
 *       are excluded, devices that entered it are taken in (into the current group), the gates are
 *       settled ({@link RolloutGatekeeper}), and, while the rollout makes offers, pending devices
 *       of the opened groups whose owners' maintenance window is open get their offer.
 * </ol>
 *
 * <p>An offer is stored before it is sent. A device that is not connected gets it when it next
 * listens ({@link #deliverWaiting}), while the offer is unexpired. Nothing is kept in memory
 * between steps, so a restarted hub resumes every rollout from the store.
 *
 * <p><b>Several hub instances</b> may run the engine on one database: each rollout is stepped by
 * the instance holding its lease (a row in {@code rollouts}, taken over when it runs out), and
 * every write is conditional (see {@link Rollouts}), so an instance that lost its lease mid-step (a
 * long pause) cannot make an offer twice or undo a maintainer's pause. Tested on one database with
 * several engines; cross-host clock skew larger than the lease is not.
 */
public final class RolloutEngine {

  private static final Logger LOG = LoggerFactory.getLogger(RolloutEngine.class);

  private final Rollouts rollouts;
  private final RolloutGatekeeper gatekeeper;
  private final OfferPublisher offers;
  private final OfferMaker maker;
  private final RolloutNews news;
  private final RolloutConfig config;
  private final Clock clock;
  private final Executor followUps;

  /**
   * @param followUps runs what comes after a device acknowledged an offer, and deliveries to
   *     devices that just connected: blocking store calls, off the gateway's threads
   */
  public RolloutEngine(
      Rollouts rollouts,
      RolloutGatekeeper gatekeeper,
      OfferPublisher offers,
      RolloutNews news,
      RolloutConfig config,
      Clock clock,
      Executor followUps) {
    this.rollouts = rollouts;
    this.gatekeeper = gatekeeper;
    this.offers = offers;
    this.maker = new OfferMaker(config);
    this.news = news;
    this.config = config;
    this.clock = clock;
    this.followUps = followUps;
  }

  /** Steps every active rollout once: what the periodic job runs. */
  public void tick() {
    List<String> active = rollouts.active();
    if (active.isEmpty()) {
      return; // an idle hub reads one small index a second and writes nothing
    }
    Instant now = clock.instant();
    int expired = rollouts.expireOffers(now.minus(config.expiryGrace()), now);
    if (expired > 0) {
      LOG.info("{} offers expired unstarted; they will be made again", expired);
    }
    for (String id : active) {
      if (!rollouts.lease(id, config.instanceId(), now, now.plus(config.lease()))) {
        continue; // another instance steps it
      }
      try {
        step(id);
      } catch (RuntimeException e) {
        // One rollout's trouble (a database hiccup) must not hold back the others.
        LOG.warn("stepping rollout {} failed; it is stepped again at the next tick", id, e);
      }
    }
  }

  /** One step of one rollout. */
  void step(String rolloutId) {
    Optional<Rollout> found = rollouts.find(rolloutId);
    if (found.isEmpty() || !found.get().status().isActive()) {
      return;
    }
    takeIn(found.get());
    Optional<Rollout> settled = gatekeeper.settle(rolloutId);
    if (settled.isPresent() && settled.get().status().offers()) {
      offer(settled.get());
    }
    news.changed(rolloutId);
  }

  /** Reconciles the audience: leavers are excluded, newcomers join the current group. */
  private void takeIn(Rollout r) {
    Instant now = clock.instant();
    rollouts.reconcileAudience(r.id(), r.currentGroup(), now);
    String after = null;
    while (true) {
      List<Candidate> batch =
          rollouts.candidates(r.id(), r.audience(), after, config.intakeBatch());
      if (batch.isEmpty()) {
        return;
      }
      List<NewMember> joining = new ArrayList<>();
      for (Candidate c : batch) {
        joining.add(GroupAssignment.newcomer(r, c));
      }
      rollouts.join(r.id(), joining, now);
      LOG.info("rollout {} took in {} devices", r.id(), joining.size());
      after = batch.get(batch.size() - 1).deviceId();
    }
  }

  /** Makes and sends the offers due now, at most {@code offersPerTick}. */
  private void offer(Rollout r) {
    Instant now = clock.instant();
    MaintenanceWindow window = r.plan().window();
    int budget = config.offersPerTick();
    for (String zoneName : rollouts.pendingZones(r.id(), r.currentGroup())) {
      ZoneId zone = zone(zoneName);
      if (budget == 0 || (window != null && !window.isOpen(now, zone))) {
        continue;
      }
      Instant expires = now.plus(config.offerTtl());
      if (window != null) {
        Instant closes = window.closesAfter(now, zone);
        expires = closes.isBefore(expires) ? closes : expires;
      }
      Map<String, String> devicesByOffer = new LinkedHashMap<>();
      List<Rollouts.NewOffer> due = new ArrayList<>();
      for (RolloutMember m :
          rollouts.pending(r.id(), r.currentGroup(), List.of(zoneName), budget)) {
        String offerId = OfferMaker.offerId(r.id(), m.deviceId(), m.attempt() + 1);
        due.add(new Rollouts.NewOffer(m.deviceId(), m.attempt(), offerId));
        devicesByOffer.put(offerId, m.deviceId());
      }
      // Stored (one commit for the lot) before any is sent.
      for (String offerId : rollouts.offerAll(r.id(), due, expires, now)) {
        budget--;
        send(devicesByOffer.get(offerId), maker.offer(offerId, r.id(), r.release(), expires));
      }
    }
  }

  /**
   * Sends the offers waiting for a device that just started listening; what the gateway's listening
   * hook runs (on {@code followUps}).
   */
  public void deliverWaiting(String deviceId) {
    Instant now = clock.instant();
    for (RolloutMember m : rollouts.undelivered(deviceId, now)) {
      Optional<Rollout> r = rollouts.find(m.rolloutId());
      if (r.isPresent() && m.offerId() != null && m.offerExpires() != null) {
        send(
            deviceId, maker.offer(m.offerId(), m.rolloutId(), r.get().release(), m.offerExpires()));
      }
    }
  }

  /** Subscribes to the gateway: devices that start listening get their waiting offers. */
  public void listenForDevices() {
    offers.onListening(deviceId -> followUps.execute(() -> deliverSafely(deviceId)));
  }

  private void deliverSafely(String deviceId) {
    try {
      deliverWaiting(deviceId);
    } catch (RuntimeException e) {
      LOG.warn("could not send the offers waiting for {}", deviceId, e);
    }
  }

  private void send(String deviceId, UpdateOffer offer) {
    offers
        .publish(deviceId, offer)
        .thenAcceptAsync(
            acknowledged -> {
              if (acknowledged) {
                rollouts.delivered(offer.offerId(), clock.instant());
              }
            },
            followUps)
        .exceptionally(
            e -> {
              LOG.warn("recording the delivery of offer {} failed", offer.offerId(), e);
              return null;
            });
  }

  /** An owner's zone; an unknown zone name (a bad import) reads as UTC rather than stalling. */
  private static ZoneId zone(String name) {
    try {
      return ZoneId.of(name);
    } catch (DateTimeException e) {
      return ZoneOffset.UTC;
    }
  }
}
