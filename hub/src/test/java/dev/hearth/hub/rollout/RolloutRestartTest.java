package dev.hearth.hub.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.hardware.time.SimulatedClock;
import dev.hearth.hub.rollout.store.DeviceUpdateState;
import dev.hearth.hub.rollout.store.GroupSpec;
import dev.hearth.hub.rollout.store.Rollout;
import dev.hearth.hub.rollout.store.RolloutMember;
import dev.hearth.hub.rollout.store.RolloutPlan;
import dev.hearth.hub.rollout.store.RolloutStatus;
import dev.hearth.hub.store.Owner;
import dev.hearth.hub.store.jdbc.StoreConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hub stops in the middle of a rollout (second group open, some offers delivered, some waiting
 * for their devices, some devices mid-update) and another starts on the same database: the new
 * engine carries on from the store alone, making no offer twice.
 */
class RolloutRestartTest {

  @TempDir Path dir;

  @Test
  void aRestartedEngineResumesTheRolloutFromTheStore() {
    StoreConfig file = StoreConfig.h2File(dir.resolve("hub"));
    SimulatedClock clock = new SimulatedClock(Instant.parse("2030-02-01T10:00:00Z"));
    RolloutRig before = RolloutRig.open(clock, RolloutRig.config().build(), file);
    Owner ada = before.fleet.owner("UTC");
    List<String> ids = before.fleet.devices(ada, 12, "stable");
    Rollout r =
        before.create(
            new RolloutPlan(List.of(GroupSpec.percent(25), GroupSpec.percent(100)), 95, 10, null));

    before.offers.online(ids);
    before.engine.tick();
    assertThat(before.installEverythingOffered()).isEqualTo(3);
    List<String> secondGroup =
        before.members(r.id(), DeviceUpdateState.PENDING).stream()
            .map(RolloutMember::deviceId)
            .toList();
    List<String> offline = secondGroup.subList(0, 4);
    offline.forEach(before.offers::disconnect);
    before.clock.advance(Duration.ofMinutes(1));
    before.engine.tick();
    List<FakeOffers.Delivered> delivered = before.offers.take();
    assertThat(delivered).hasSize(5);
    // Two devices finish before the hub stops; one is halfway.
    before.installs(delivered.get(0).deviceId(), delivered.get(0).offer().offerId());
    before.installs(delivered.get(1).deviceId(), delivered.get(1).offer().offerId());
    before.report(
        delivered.get(2).deviceId(), delivered.get(2).offer().offerId(), "downloading", null);
    Map<String, String> offerIds = new HashMap<>();
    before
        .members(r.id(), DeviceUpdateState.OFFERED)
        .forEach(m -> offerIds.put(m.deviceId(), m.offerId()));
    offerIds.put(delivered.get(2).deviceId(), delivered.get(2).offer().offerId());
    before.close();

    clock.advance(Duration.ofMinutes(2));
    RolloutRig after = before.restartedOn(file, RolloutRig.config().instanceId("hub-2").build());
    try {
      Rollout resumed = after.find(r.id());
      assertThat(resumed.status()).isEqualTo(RolloutStatus.RUNNING);
      assertThat(resumed.currentGroup()).isEqualTo(1);

      after.offers.online(ids.stream().filter(id -> !offline.contains(id)).toList());
      after.engine.tick();
      assertThat(after.offers.take()).as("every offer was made before the restart").isEmpty();

      // The devices that were offline connect and get the offers kept for them.
      offline.forEach(after.offers::connect);
      List<FakeOffers.Delivered> waiting = after.offers.take();
      assertThat(RolloutRig.devicesOf(waiting)).containsExactlyInAnyOrderElementsOf(offline);
      assertThat(waiting)
          .allSatisfy(d -> assertThat(d.offer().offerId()).isEqualTo(offerIds.get(d.deviceId())));
      waiting.forEach(d -> after.installs(d.deviceId(), d.offer().offerId()));
      for (int i = 2; i < delivered.size(); i++) {
        FakeOffers.Delivered d = delivered.get(i);
        after.installs(d.deviceId(), d.offer().offerId());
      }

      after.engine.tick();
      assertThat(after.find(r.id()).status()).isEqualTo(RolloutStatus.COMPLETED);
      assertThat(after.tally(r.id()).total()).containsEntry(DeviceUpdateState.COMMITTED, 12);
      assertThat(after.members(r.id(), DeviceUpdateState.COMMITTED))
          .allSatisfy(m -> assertThat(m.attempt()).isEqualTo(1));
    } finally {
      after.close();
    }
  }
}
