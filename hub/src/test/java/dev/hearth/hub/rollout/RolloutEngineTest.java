package dev.hearth.hub.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.hardware.time.SimulatedClock;
import dev.hearth.hub.rollout.store.DeviceUpdateState;
import dev.hearth.hub.rollout.store.GroupSpec;
import dev.hearth.hub.rollout.store.GroupTally;
import dev.hearth.hub.rollout.store.MaintenanceWindow;
import dev.hearth.hub.rollout.store.Rollout;
import dev.hearth.hub.rollout.store.RolloutMember;
import dev.hearth.hub.rollout.store.RolloutPlan;
import dev.hearth.hub.rollout.store.RolloutStatus;
import dev.hearth.hub.rollout.store.StatusReason;
import dev.hearth.hub.store.Owner;
import dev.hearth.specs.wire.UpdateOffer;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The engine over a real store in virtual time: groups open one after another as devices commit,
 * the error threshold pauses everything, approval gates wait, maintenance windows follow each
 * owner's time zone, devices that appear are taken in, cancel stops offers, expired offers are made
 * again. Devices are simulated by the progress events they would send.
 */
class RolloutEngineTest {

  /** A winter night: Berlin is UTC+1, New York UTC-5. */
  private static final Instant START = Instant.parse("2030-01-15T01:30:00Z");

  private RolloutRig rig;

  @BeforeEach
  void open() {
    rig = RolloutRig.open(new SimulatedClock(START), RolloutRig.config().build());
  }

  @AfterEach
  void close() {
    rig.close();
  }

  private static RolloutPlan plan(GroupSpec... groups) {
    return new RolloutPlan(List.of(groups), 95, 10, null);
  }

  private static List<Integer> groupSizes(RolloutRig rig, Rollout r) {
    return rig.tally(r.id()).groups().stream()
        .map(GroupTally::members)
        .collect(Collectors.toList());
  }

  @Test
  void aRevisionReachesTwentyFourDevicesInThreeGroupsAndEveryOneCommits() {
    Owner ada = rig.fleet.owner("Europe/Berlin");
    List<String> ids = rig.fleet.devices(ada, 24, "stable");
    rig.offers.online(ids);
    Rollout r =
        rig.create(plan(GroupSpec.percent(10), GroupSpec.percent(50), GroupSpec.percent(100)));
    // 10 % of 24 is 2.4, rounded up to 3; 50 % is 12, so 9 more; the rest.
    assertThat(groupSizes(rig, r)).containsExactly(3, 9, 12);

    rig.engine.tick();
    List<FakeOffers.Delivered> canary = rig.offers.take();
    assertThat(canary).hasSize(3);
    assertThat(canary)
        .allSatisfy(d -> assertThat(rig.member(r.id(), d.deviceId()).group()).isZero());
    UpdateOffer offer = canary.get(0).offer();
    assertThat(offer.rolloutId()).isEqualTo(r.id());
    assertThat(offer.manifest()).isEqualTo(OfferMaker.manifest(FakeCatalog.MANIFEST));
    assertThat(offer.artifactUrls())
        .containsExactly(URI.create("https://hub.test/api/v1/artifacts/" + FakeCatalog.SHA256));
    assertThat(offer.expires()).isEqualTo(START.plus(Duration.ofHours(6)).toEpochMilli());

    rig.engine.tick();
    assertThat(rig.offers.take()).as("nothing more until the canaries report").isEmpty();

    canary.forEach(d -> rig.installs(d.deviceId(), d.offer().offerId()));
    rig.clock.advance(Duration.ofMinutes(5));
    rig.engine.tick();
    assertThat(rig.find(r.id()).currentGroup()).isEqualTo(1);
    assertThat(rig.installEverythingOffered()).isEqualTo(9);

    rig.clock.advance(Duration.ofMinutes(5));
    rig.engine.tick();
    assertThat(rig.find(r.id()).currentGroup()).isEqualTo(2);
    assertThat(rig.installEverythingOffered()).isEqualTo(12);

    rig.engine.tick();
    Rollout done = rig.find(r.id());
    assertThat(done.status()).isEqualTo(RolloutStatus.COMPLETED);
    assertThat(rig.tally(r.id()).total()).containsEntry(DeviceUpdateState.COMMITTED, 24);
    assertThat(done.groups()).allSatisfy(g -> assertThat(g.isOpen()).isTrue());
    assertThat(rig.members(r.id(), DeviceUpdateState.COMMITTED))
        .allSatisfy(m -> assertThat(m.attempt()).isEqualTo(1))
        .allSatisfy(m -> assertThat(m.fromVersion()).isEqualTo("1.0.0"));
  }

  @Test
  void failuresAboveTheErrorThresholdPauseEverythingWithTheReasonAndStopOffers() {
    rig.close();
    rig = RolloutRig.open(new SimulatedClock(START), RolloutRig.config().offersPerTick(3).build());
    Owner ada = rig.fleet.owner("UTC");
    rig.offers.online(rig.fleet.devices(ada, 10, "stable"));
    Rollout r = rig.create(plan(GroupSpec.percent(50), GroupSpec.percent(100)));

    rig.engine.tick();
    List<FakeOffers.Delivered> first = rig.offers.take();
    assertThat(first).hasSize(3);
    rig.installs(first.get(0).deviceId(), first.get(0).offer().offerId());
    rig.rollsBack(first.get(1).deviceId(), first.get(1).offer().offerId());

    // One of the group's five rolled back: 20 %, above 10 %. The recorder pauses it at once.
    Rollout paused = rig.find(r.id());
    assertThat(paused.status()).isEqualTo(RolloutStatus.PAUSED);
    assertThat(paused.reason().code()).isEqualTo(StatusReason.ERROR_THRESHOLD);
    assertThat(paused.reason().detail())
        .contains("group 1 of 2")
        .contains("1 of 5 devices failed or rolled back (20 %)")
        .contains("error threshold of 10 %");
    assertThat(rig.member(r.id(), first.get(1).deviceId()).reason())
        .isEqualTo("HEALTH_CHECK_FAILED");

    rig.engine.tick();
    rig.clock.advance(Duration.ofHours(1));
    rig.engine.tick();
    assertThat(rig.offers.take()).as("no offers while paused").isEmpty();
    assertThat(rig.members(r.id(), DeviceUpdateState.PENDING)).hasSize(7);
    assertThat(rig.find(r.id()).status()).isEqualTo(RolloutStatus.PAUSED);

    // Resuming accepts the failure so far; offers go out again; one more failure pauses again.
    assertThat(rig.manager.resume(r.id(), rig.maintainer)).isInstanceOf(RolloutOutcome.Done.class);
    assertThat(rig.find(r.id()).group(0).failuresAccepted()).isEqualTo(1);
    rig.engine.tick();
    List<FakeOffers.Delivered> second = rig.offers.take();
    assertThat(second).hasSize(2);
    rig.report(
        second.get(0).deviceId(), second.get(0).offer().offerId(), "failed", "HASH_MISMATCH");
    assertThat(rig.find(r.id()).status()).isEqualTo(RolloutStatus.PAUSED);
    assertThat(rig.find(r.id()).reason().detail()).contains("besides 1 accepted");
  }

  @Test
  void aGroupThatNeedsApprovalWaitsForAMaintainer() {
    Owner ada = rig.fleet.owner("UTC");
    rig.offers.online(rig.fleet.devices(ada, 4, "stable"));
    Rollout r = rig.create(plan(GroupSpec.percent(50), GroupSpec.percent(100).withApproval()));
    rig.engine.tick();
    assertThat(rig.installEverythingOffered()).isEqualTo(2);

    rig.engine.tick();
    Rollout waiting = rig.find(r.id());
    assertThat(waiting.status()).isEqualTo(RolloutStatus.AWAITING_APPROVAL);
    assertThat(waiting.reason().code()).isEqualTo(StatusReason.AWAITING_APPROVAL);
    assertThat(waiting.reason().detail()).contains("group 2 of 2");
    rig.clock.advance(Duration.ofHours(3));
    rig.engine.tick();
    assertThat(rig.offers.take()).isEmpty();
    assertThat(rig.find(r.id()).currentGroup()).isZero();

    assertThat(rig.manager.resume(r.id(), rig.maintainer))
        .isInstanceOf(RolloutOutcome.Refused.class);
    assertThat(rig.manager.approve(r.id(), rig.maintainer)).isInstanceOf(RolloutOutcome.Done.class);
    Rollout approved = rig.find(r.id());
    assertThat(approved.status()).isEqualTo(RolloutStatus.RUNNING);
    assertThat(approved.group(1).approvedBy()).isEqualTo(rig.maintainer.id());
    rig.engine.tick();
    assertThat(rig.installEverythingOffered()).isEqualTo(2);
    rig.engine.tick();
    assertThat(rig.find(r.id()).status()).isEqualTo(RolloutStatus.COMPLETED);
  }

  @Test
  void offersGoOutOnlyInsideEachOwnersMaintenanceWindow() {
    Owner berlin = rig.fleet.owner("Europe/Berlin");
    Owner newYork = rig.fleet.owner("America/New_York");
    List<String> inBerlin = rig.fleet.devices(berlin, 3, "stable");
    List<String> inNewYork = rig.fleet.devices(newYork, 2, "stable");
    rig.offers.online(inBerlin);
    rig.offers.online(inNewYork);
    MaintenanceWindow night = new MaintenanceWindow(LocalTime.of(2, 0), LocalTime.of(5, 0));
    Rollout r = rig.create(new RolloutPlan(List.of(GroupSpec.percent(100)), 95, 10, night));

    // 01:30 UTC: 02:30 in Berlin (inside), 20:30 in New York (outside).
    rig.engine.tick();
    List<FakeOffers.Delivered> first = rig.offers.take();
    assertThat(RolloutRig.devicesOf(first)).containsExactlyInAnyOrderElementsOf(inBerlin);
    // The offer expires when Berlin's window closes, 05:00 local, 04:00 UTC.
    assertThat(first)
        .allSatisfy(
            d ->
                assertThat(d.offer().expires())
                    .isEqualTo(Instant.parse("2030-01-15T04:00:00Z").toEpochMilli()));

    // 07:10 UTC: 02:10 in New York. Berlin's offers, never started, expired at 04:00.
    rig.clock.advance(Duration.ofMinutes(5 * 60 + 40));
    rig.engine.tick();
    List<FakeOffers.Delivered> second = rig.offers.take();
    assertThat(RolloutRig.devicesOf(second)).containsExactlyInAnyOrderElementsOf(inNewYork);
    assertThat(second)
        .allSatisfy(
            d ->
                assertThat(d.offer().expires())
                    .isEqualTo(Instant.parse("2030-01-15T10:00:00Z").toEpochMilli()));
    assertThat(rig.members(r.id(), DeviceUpdateState.PENDING))
        .extracting(RolloutMember::deviceId)
        .containsExactlyInAnyOrderElementsOf(inBerlin);

    // The next night in Berlin: offered again, with new offer ids.
    rig.clock.advance(Duration.ofHours(18).plusMinutes(30));
    rig.engine.tick();
    List<FakeOffers.Delivered> third = rig.offers.take();
    assertThat(RolloutRig.devicesOf(third)).containsExactlyInAnyOrderElementsOf(inBerlin);
    assertThat(third)
        .extracting(d -> d.offer().offerId())
        .doesNotContainAnyElementsOf(first.stream().map(d -> d.offer().offerId()).toList());
    assertThat(rig.member(r.id(), inBerlin.get(0)).attempt()).isEqualTo(2);
  }

  @Test
  void devicesThatAppearOrOptInMidRolloutJoinTheCurrentGroupAndLeaversAreExcluded() {
    Owner ada = rig.fleet.owner("UTC");
    List<String> ids = rig.fleet.devices(ada, 4, "stable");
    String optedOut = rig.fleet.device(ada, "off");
    rig.offers.online(ids);
    Rollout r = rig.create(plan(GroupSpec.percent(50), GroupSpec.percent(100)));
    assertThat(rig.tally(r.id()).total().values().stream().mapToInt(Integer::intValue).sum())
        .isEqualTo(4);
    rig.engine.tick();
    rig.installEverythingOffered();
    rig.engine.tick();
    assertThat(rig.find(r.id()).currentGroup()).isEqualTo(1);
    List<FakeOffers.Delivered> second = rig.offers.take();
    assertThat(second).hasSize(2);

    String newcomer = rig.fleet.device(ada, "beta");
    rig.offers.online(List.of(newcomer));
    rig.store.devices().setChannel(optedOut, "stable");
    rig.offers.online(List.of(optedOut));
    rig.engine.tick();
    assertThat(RolloutRig.devicesOf(rig.offers.take()))
        .containsExactlyInAnyOrder(newcomer, optedOut);
    assertThat(rig.member(r.id(), newcomer).group()).isEqualTo(1);

    // A device whose owner turns updates off before its offer leaves; back on, it rejoins.
    String late = rig.fleet.device(ada, "stable");
    rig.store.devices().setChannel(late, "off");
    rig.engine.tick();
    assertThat(rig.offers.take()).isEmpty();
    rig.store.devices().setChannel(late, "stable");
    rig.engine.tick();
    assertThat(rig.member(r.id(), late).state()).isEqualTo(DeviceUpdateState.OFFERED);

    String leaver = rig.fleet.device(ada, "stable");
    rig.engine.tick(); // taken in and offered while offline: the offer waits for the device
    assertThat(rig.member(r.id(), leaver).state()).isEqualTo(DeviceUpdateState.OFFERED);
    rig.store.devices().setChannel(leaver, "off");
    rig.engine.tick();
    assertThat(rig.member(r.id(), leaver).state()).isEqualTo(DeviceUpdateState.EXCLUDED);
    rig.offers.connect(leaver);
    assertThat(rig.offers.take()).as("its owner opted out before it got the offer").isEmpty();
    rig.offers.connect(late);
    assertThat(RolloutRig.devicesOf(rig.offers.take()))
        .as("a waiting offer goes out when its device connects")
        .containsExactly(late);
  }

  @Test
  void devicesAlreadyRunningTheReleaseOrANewerOneAreLeftOut() {
    Owner ada = rig.fleet.owner("UTC");
    List<String> ids = rig.fleet.devices(ada, 3, "stable");
    rig.fleet.runs(ids.get(0), "washer-programs", "1.1.0");
    rig.fleet.runs(ids.get(1), "washer-programs", "1.2.0-beta.1");
    rig.fleet.runs(ids.get(2), "washer-programs", "1.0.0");
    rig.offers.online(ids);
    Rollout r = rig.create(plan(GroupSpec.percent(100)));

    assertThat(rig.members(r.id(), DeviceUpdateState.EXCLUDED))
        .extracting(RolloutMember::deviceId)
        .containsExactlyInAnyOrder(ids.get(0), ids.get(1));
    rig.engine.tick();
    assertThat(rig.installEverythingOffered()).isEqualTo(1);
    rig.engine.tick();
    assertThat(rig.find(r.id()).status()).isEqualTo(RolloutStatus.COMPLETED);
  }

  @Test
  void cancelStopsEveryOfferIncludingThoseWaitingForTheirDevice() {
    Owner ada = rig.fleet.owner("UTC");
    List<String> online = rig.fleet.devices(ada, 2, "stable");
    List<String> offline = rig.fleet.devices(ada, 2, "stable");
    rig.offers.online(online);
    Rollout r = rig.create(plan(GroupSpec.percent(100)));
    rig.engine.tick();
    assertThat(rig.offers.take()).hasSize(2);
    assertThat(rig.members(r.id(), DeviceUpdateState.OFFERED)).hasSize(4);

    assertThat(rig.manager.cancel(r.id(), rig.maintainer)).isInstanceOf(RolloutOutcome.Done.class);
    Rollout cancelled = rig.find(r.id());
    assertThat(cancelled.status()).isEqualTo(RolloutStatus.CANCELLED);
    assertThat(cancelled.reason().detail()).contains("cancelled by");

    offline.forEach(rig.offers::connect);
    String newcomer = rig.fleet.device(ada, "stable");
    rig.offers.online(List.of(newcomer));
    rig.engine.tick();
    assertThat(rig.offers.take()).isEmpty();
    assertThat(rig.manager.pause(r.id(), rig.maintainer, null))
        .isInstanceOf(RolloutOutcome.Refused.class);
    assertThat(rig.rollouts().active()).doesNotContain(r.id());
  }

  @Test
  void anOfferThatExpiresUnstartedIsMadeAgainAndAnExpiredOfferReportIsNoFailure() {
    Owner ada = rig.fleet.owner("UTC");
    List<String> ids = rig.fleet.devices(ada, 2, "stable");
    rig.offers.online(ids);
    Rollout r = rig.create(plan(GroupSpec.percent(100)));
    rig.engine.tick();
    List<FakeOffers.Delivered> first = rig.offers.take();

    // One device says its offer ran out before it could start; the other says nothing.
    FakeOffers.Delivered busy = first.get(0);
    rig.report(busy.deviceId(), busy.offer().offerId(), "failed", "OFFER_EXPIRED");
    assertThat(rig.member(r.id(), busy.deviceId()).state()).isEqualTo(DeviceUpdateState.PENDING);
    assertThat(rig.find(r.id()).status()).isEqualTo(RolloutStatus.RUNNING);

    rig.clock.advance(Duration.ofHours(7));
    rig.engine.tick();
    List<FakeOffers.Delivered> again = rig.offers.take();
    assertThat(RolloutRig.devicesOf(again)).containsExactlyInAnyOrderElementsOf(ids);
    assertThat(again)
        .allSatisfy(d -> assertThat(rig.member(r.id(), d.deviceId()).attempt()).isEqualTo(2));

    // A late report about the first offer changes nothing.
    FakeOffers.Delivered silent = first.get(1);
    rig.report(silent.deviceId(), silent.offer().offerId(), "committed", null);
    assertThat(rig.member(r.id(), silent.deviceId()).state()).isEqualTo(DeviceUpdateState.OFFERED);
    again.forEach(d -> rig.installs(d.deviceId(), d.offer().offerId()));
    rig.engine.tick();
    assertThat(rig.find(r.id()).status()).isEqualTo(RolloutStatus.COMPLETED);
  }

  @Test
  void twoEnginesOnOneDatabaseMakeEachOfferOnce() {
    Owner ada = rig.fleet.owner("UTC");
    List<String> ids = rig.fleet.devices(ada, 6, "stable");
    rig.offers.online(ids);
    FakeOffers otherOffers = new FakeOffers();
    otherOffers.online(ids);
    RolloutEngine other =
        new RolloutEngine(
            rig.rollouts(),
            rig.gatekeeper,
            otherOffers,
            rig.news,
            RolloutRig.config().instanceId("other-hub").build(),
            rig.clock,
            Runnable::run);
    Rollout r = rig.create(plan(GroupSpec.percent(100)));

    rig.engine.tick();
    other.tick();
    assertThat(rig.offers.take()).hasSize(6);
    assertThat(otherOffers.take()).as("the lease is held by the first engine").isEmpty();

    // The first hub dies; once its lease ran out, the other takes over without repeating offers.
    rig.clock.advance(RolloutConfig.DEFAULT_LEASE.plusSeconds(1));
    String newcomer = rig.fleet.device(ada, "stable");
    otherOffers.online(List.of(newcomer));
    other.tick();
    assertThat(RolloutRig.devicesOf(otherOffers.take())).containsExactly(newcomer);
    assertThat(rig.members(r.id(), DeviceUpdateState.OFFERED)).hasSize(7);
  }
}
