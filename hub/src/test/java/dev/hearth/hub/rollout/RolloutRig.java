package dev.hearth.hub.rollout;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.hardware.time.SimulatedClock;
import dev.hearth.hub.live.LiveUpdates;
import dev.hearth.hub.rollout.store.DeviceUpdateState;
import dev.hearth.hub.rollout.store.Rollout;
import dev.hearth.hub.rollout.store.RolloutMember;
import dev.hearth.hub.rollout.store.RolloutPlan;
import dev.hearth.hub.rollout.store.RolloutTally;
import dev.hearth.hub.rollout.store.Rollouts;
import dev.hearth.hub.rollout.store.UpdateChannel;
import dev.hearth.hub.store.HubStore;
import dev.hearth.hub.store.IngestBatch;
import dev.hearth.hub.store.IngestBatch.EventRow;
import dev.hearth.hub.store.Owner;
import dev.hearth.hub.store.PageRequest;
import dev.hearth.hub.store.jdbc.JdbcHubStore;
import dev.hearth.hub.store.jdbc.StoreConfig;
import dev.hearth.specs.wire.Event;
import dev.hearth.specs.wire.EventType;
import dev.hearth.specs.wire.WireCodec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The rollout part on a real store with a simulated clock, the gateway's offer channel and the
 * catalog faked, and devices simulated by the {@code update-progress} events they would send:
 * {@link #report} commits an event as the gateway does, then hands the batch to the {@link
 * ProgressRecorder}. Follow-ups run on the calling thread, so every step is done when it returns.
 */
final class RolloutRig implements AutoCloseable {

  static final URI HUB = URI.create("https://hub.test");

  final SimulatedClock clock;
  final HubStore store;
  final FakeCatalog catalog = new FakeCatalog();
  final FakeOffers offers = new FakeOffers();
  final RolloutConfig config;
  final RolloutNews news;
  final RolloutGatekeeper gatekeeper;
  final RolloutEngine engine;
  final ProgressRecorder recorder;
  final RolloutManager manager;
  final Fleet fleet;
  final Owner maintainer;
  private final Map<String, AtomicLong> seqs;
  private static final WireCodec CODEC = new WireCodec();

  private RolloutRig(
      SimulatedClock clock,
      HubStore store,
      RolloutConfig config,
      Fleet fleet,
      Owner maintainer,
      Map<String, AtomicLong> seqs) {
    this.clock = clock;
    this.store = store;
    this.config = config;
    this.news = new RolloutNews(store.rollouts(), LiveUpdates.none());
    this.gatekeeper =
        new RolloutGatekeeper(store.rollouts(), RolloutGatekeeper.installGates(), clock);
    this.engine =
        new RolloutEngine(store.rollouts(), gatekeeper, offers, news, config, clock, Runnable::run);
    this.engine.listenForDevices();
    this.recorder = new ProgressRecorder(store.rollouts(), gatekeeper, news, clock);
    this.manager = new RolloutManager(store.rollouts(), catalog, news, clock);
    this.fleet = fleet == null ? new Fleet(store, clock) : fleet;
    this.maintainer = maintainer == null ? this.fleet.owner("UTC") : maintainer;
    this.seqs = seqs;
  }

  /** A rig on an in-memory H2 store. */
  static RolloutRig open(SimulatedClock clock, RolloutConfig config) {
    StoreConfig storeConfig = StoreConfig.h2Memory("rollout-" + java.util.UUID.randomUUID());
    return new RolloutRig(
        clock,
        JdbcHubStore.open(storeConfig, clock),
        config,
        null,
        null,
        new ConcurrentHashMap<>());
  }

  /** A rig on {@code storeConfig} (an H2 file, to be reopened). */
  static RolloutRig open(SimulatedClock clock, RolloutConfig config, StoreConfig storeConfig) {
    return new RolloutRig(
        clock,
        JdbcHubStore.open(storeConfig, clock),
        config,
        null,
        null,
        new ConcurrentHashMap<>());
  }

  /**
   * Another hub on the same database after this one stopped: a fresh engine, recorder and offer
   * channel, nothing carried over but the store's contents (and the devices' event counters, which
   * live on the devices).
   */
  RolloutRig restartedOn(StoreConfig storeConfig, RolloutConfig newConfig) {
    HubStore reopened = JdbcHubStore.open(storeConfig, clock);
    return new RolloutRig(clock, reopened, newConfig, fleet.on(reopened), maintainer, seqs);
  }

  static RolloutConfig.Builder config() {
    return RolloutConfig.builder(HUB).expiryGrace(java.time.Duration.ZERO);
  }

  Rollouts rollouts() {
    return store.rollouts();
  }

  /** Creates a rollout of a fresh revision for the fleet's profile, on {@code stable}. */
  Rollout create(RolloutPlan plan) {
    String revisionId = "rev-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    catalog.release(revisionId, "1.1.0", fleet.profile, "stable");
    RolloutOutcome outcome =
        manager.create(new NewRollout(revisionId, UpdateChannel.STABLE, plan), maintainer);
    if (outcome instanceof RolloutOutcome.Done done) {
      return done.rollout();
    }
    throw new IllegalStateException("not created: " + outcome);
  }

  Rollout find(String rolloutId) {
    return rollouts().find(rolloutId).orElseThrow();
  }

  RolloutTally tally(String rolloutId) {
    return rollouts().tally(rolloutId);
  }

  /** Devices of the rollout in {@code state}. */
  List<RolloutMember> members(String rolloutId, DeviceUpdateState state) {
    return rollouts().members(rolloutId, state, PageRequest.first(500)).items();
  }

  RolloutMember member(String rolloutId, String deviceId) {
    return rollouts().members(rolloutId, null, PageRequest.first(500)).items().stream()
        .filter(m -> m.deviceId().equals(deviceId))
        .findFirst()
        .orElseThrow();
  }

  /** The device reports {@code state} of its offer, as an {@code update-progress} event. */
  IngestBatch report(String deviceId, String offerId, String state, String reason) {
    long seq = seqs.computeIfAbsent(deviceId, k -> new AtomicLong()).incrementAndGet();
    ObjectNode data = JsonNodeFactory.instance.objectNode();
    data.put("offerId", offerId);
    data.put("state", state);
    data.put("name", "washer-programs");
    data.put("kind", "program");
    data.put("version", "1.1.0");
    data.put("from", "1.0.0");
    if (reason == null) {
      data.putNull("reason");
    } else {
      data.put("reason", reason);
    }
    data.put("detail", reason == null ? null : "the device says: " + reason);
    Event.Severity severity = reason == null ? Event.Severity.INFO : Event.Severity.WARNING;
    Event event =
        new Event(
            seq, clock.millis(), EventType.UPDATE_PROGRESS, severity, "update " + state, data);
    EventRow row =
        new EventRow(
            deviceId,
            seq,
            clock.millis(),
            event.type(),
            severity.wireName(),
            event.message(),
            new String(CODEC.encode(event), StandardCharsets.UTF_8));
    IngestBatch batch = new IngestBatch(List.of(), List.of(row), List.of(), List.of(), List.of());
    store.commit(batch);
    recorder.onCommitted(batch);
    return batch;
  }

  /** The device goes through every state of the update engine to {@code committed}. */
  void installs(String deviceId, String offerId) {
    for (String state :
        List.of(
            "offered",
            "downloading",
            "verifying",
            "waiting-for-idle",
            "installing",
            "rebooting",
            "health-check",
            "committed")) {
      report(deviceId, offerId, state, null);
    }
  }

  /** The device installs, fails its health check and rolls back. */
  void rollsBack(String deviceId, String offerId) {
    for (String state : List.of("offered", "downloading", "installing", "health-check")) {
      report(deviceId, offerId, state, null);
    }
    report(deviceId, offerId, "rolled-back", "HEALTH_CHECK_FAILED");
  }

  /** Every offer delivered since the last call is installed by its device. */
  int installEverythingOffered() {
    var delivered = offers.take();
    delivered.forEach(d -> installs(d.deviceId(), d.offer().offerId()));
    return delivered.size();
  }

  static Set<String> devicesOf(List<FakeOffers.Delivered> delivered) {
    return delivered.stream()
        .map(FakeOffers.Delivered::deviceId)
        .collect(java.util.stream.Collectors.toSet());
  }

  @Override
  public void close() {
    store.close();
  }
}
