package dev.hearth.hub.rollout;

import dev.hearth.hub.store.HubStore;
import dev.hearth.hub.store.IngestBatch;
import dev.hearth.hub.store.IngestBatch.StatusRow;
import dev.hearth.hub.store.Owner;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Owners and their appliances in a real store, made the way the registry leaves them: registered,
 * claimed (active), on a channel. Each fleet uses a profile of its own, so tests sharing a store
 * never see each other's devices in a rollout's audience.
 */
final class Fleet {

  private static final AtomicInteger FLEETS = new AtomicInteger();

  final HubStore store;
  final Clock clock;
  final String profile;
  private final String prefix;
  private final AtomicInteger count = new AtomicInteger();

  Fleet(HubStore store, Clock clock) {
    this(store, clock, FLEETS.incrementAndGet());
  }

  private Fleet(HubStore store, Clock clock, int n) {
    this.store = store;
    this.clock = clock;
    this.prefix = "f" + n;
    this.profile = "fleet-" + n + "@1";
  }

  /** The same fleet, seen through another store on the same database (a restarted hub). */
  Fleet on(HubStore other) {
    Fleet same = new Fleet(other, clock, Integer.parseInt(prefix.substring(1)));
    same.count.set(count.get());
    return same;
  }

  /** An owner living in {@code zone} (an IANA id). */
  Owner owner(String zone) {
    String id = prefix + "-owner-" + count.incrementAndGet();
    Owner owner =
        new Owner(
            id,
            id + "@example.test",
            "Owner " + id,
            "x",
            Set.of(Owner.Role.OWNER),
            zone,
            clock.instant());
    return store.owners().create(owner).orElseThrow();
  }

  /** An active device of {@code owner} on {@code channel}; returns its id. */
  String device(Owner owner, String channel) {
    String id = prefix + "-wsh-" + count.incrementAndGet();
    store.devices().register(id, "hw-" + id, profile, "claim-" + id, clock.instant());
    store.devices().claim(id, owner.id(), "hash", "psk", clock.instant());
    store.devices().setChannel(id, channel);
    return id;
  }

  List<String> devices(Owner owner, int n, String channel) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ids.add(device(owner, channel));
    }
    return ids;
  }

  /** The device reports that it runs {@code firmware} {@code version} (its status). */
  void runs(String deviceId, String firmware, String version) {
    store.commit(
        new IngestBatch(
            List.of(),
            List.of(),
            List.of(),
            List.of(new StatusRow(deviceId, "online", clock.millis(), "1.2.0", firmware, version)),
            List.of()));
  }
}
