package dev.hearth.hub.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.hardware.time.SimulatedClock;
import dev.hearth.hub.rollout.store.Audience;
import dev.hearth.hub.rollout.store.Candidate;
import dev.hearth.hub.rollout.store.DeviceUpdate;
import dev.hearth.hub.rollout.store.DeviceUpdateState;
import dev.hearth.hub.rollout.store.GroupSpec;
import dev.hearth.hub.rollout.store.MaintenanceWindow;
import dev.hearth.hub.rollout.store.NewMember;
import dev.hearth.hub.rollout.store.ProgressReport;
import dev.hearth.hub.rollout.store.ReleaseSnapshot;
import dev.hearth.hub.rollout.store.Rollout;
import dev.hearth.hub.rollout.store.RolloutGroup;
import dev.hearth.hub.rollout.store.RolloutMember;
import dev.hearth.hub.rollout.store.RolloutPlan;
import dev.hearth.hub.rollout.store.RolloutStatus;
import dev.hearth.hub.rollout.store.Rollouts;
import dev.hearth.hub.rollout.store.StatusReason;
import dev.hearth.hub.rollout.store.Transition;
import dev.hearth.hub.rollout.store.UpdateChannel;
import dev.hearth.hub.store.HubStore;
import dev.hearth.hub.store.Owner;
import dev.hearth.hub.store.Page;
import dev.hearth.hub.store.PageRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every {@link Rollouts} must do, run against H2 and PostgreSQL by a subclass that opens the
 * store. One store per class; each test works on a fleet of its own (its own hardware profile), so
 * tests need not empty the tables.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RolloutsContract {

  static final Instant NOW = Instant.parse("2030-03-04T10:00:00Z");

  protected final SimulatedClock clock = new SimulatedClock(NOW);
  private HubStore store;
  private Rollouts rollouts;
  private Fleet fleet;
  private Owner ada;
  private Instant now;

  /** Opens the implementation under test on an empty schema. */
  protected abstract HubStore openStore(SimulatedClock clock);

  @BeforeAll
  void open() {
    store = openStore(clock);
    rollouts = store.rollouts();
  }

  @AfterAll
  void close() {
    if (store != null) {
      store.close();
    }
  }

  @BeforeEach
  void freshFleet() {
    now = clock.instant();
    fleet = new Fleet(store, clock);
    ada = fleet.owner("Europe/Berlin");
  }

  private ReleaseSnapshot release() {
    return new ReleaseSnapshot(
        "rev-" + UUID.randomUUID(),
        "washer-programs",
        "program",
        "1.1.0",
        List.of(fleet.profile, "other-profile@2"),
        FakeCatalog.SHA256,
        FakeCatalog.MANIFEST);
  }

  private Rollout rollout(RolloutPlan plan, UpdateChannel channel, Instant at) {
    List<RolloutGroup> groups = new ArrayList<>();
    for (int i = 0; i < plan.groups().size(); i++) {
      groups.add(new RolloutGroup(i, plan.groups().get(i), i == 0 ? at : null, null, 0));
    }
    return new Rollout(
        "ro-" + UUID.randomUUID().toString().substring(0, 12),
        release(),
        channel,
        plan,
        groups,
        RolloutStatus.RUNNING,
        0,
        null,
        ada.id(),
        at,
        at,
        0);
  }

  private static RolloutPlan twoGroups() {
    return new RolloutPlan(
        List.of(GroupSpec.size(1), GroupSpec.percent(100).withApproval()),
        90,
        20,
        new MaintenanceWindow(LocalTime.of(23, 0), LocalTime.of(2, 30)));
  }

  /** A stored rollout of {@code devices}, all pending in group {@code group}. */
  private Rollout stored(List<String> devices, int group) {
    Rollout r = rollout(twoGroups(), UpdateChannel.STABLE, clock.instant());
    rollouts.create(r, devices.stream().map(d -> NewMember.pending(d, ada.id(), group)).toList());
    return r;
  }

  private RolloutMember member(Rollout r, String deviceId) {
    return rollouts.members(r.id(), null, PageRequest.first(500)).items().stream()
        .filter(m -> m.deviceId().equals(deviceId))
        .findFirst()
        .orElseThrow();
  }

  private String offerTo(Rollout r, String deviceId) {
    String offerId = "o-" + UUID.randomUUID().toString().substring(0, 8);
    assertThat(
            rollouts.offer(
                r.id(), deviceId, 0, offerId, clock.instant().plus(Duration.ofHours(1)), now))
        .isTrue();
    return offerId;
  }

  private ProgressReport report(String deviceId, String offerId, DeviceUpdateState state) {
    return new ProgressReport(deviceId, offerId, state, null, null, null, "1.0.0", clock.instant());
  }

  // ---- rollouts ----

  @Test
  void aRolloutReadsBackAsCreatedWithItsGroupsAndMembers() {
    List<String> ids = fleet.devices(ada, 3, "stable");
    Rollout r = rollout(twoGroups(), UpdateChannel.STABLE, now);
    rollouts.create(
        r,
        List.of(
            NewMember.pending(ids.get(0), ada.id(), 0),
            NewMember.pending(ids.get(1), ada.id(), 1),
            NewMember.upToDate(ids.get(2), ada.id(), 1)));

    Rollout read = rollouts.find(r.id()).orElseThrow();
    assertThat(read.release()).isEqualTo(r.release());
    assertThat(read.plan()).isEqualTo(r.plan());
    assertThat(read.groups()).isEqualTo(r.groups());
    assertThat(read.channel()).isEqualTo(UpdateChannel.STABLE);
    assertThat(read.status()).isEqualTo(RolloutStatus.RUNNING);
    assertThat(read.createdBy()).isEqualTo(ada.id());
    assertThat(read.rowVersion()).isZero();

    var tally = rollouts.tally(r.id());
    assertThat(tally.groups()).hasSize(2);
    assertThat(tally.group(0).count(DeviceUpdateState.PENDING)).isEqualTo(1);
    assertThat(tally.group(1).members()).isEqualTo(1);
    assertThat(tally.group(1).count(DeviceUpdateState.EXCLUDED)).isEqualTo(1);
    assertThat(member(r, ids.get(2)).reason()).isEqualTo(NewMember.UP_TO_DATE);
    assertThat(rollouts.find("ro-missing")).isEmpty();
  }

  @Test
  void rolloutsListNewestFirstInPages() {
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      clock.advance(Duration.ofMinutes(1));
      Rollout r = rollout(RolloutPlan.everyone(), UpdateChannel.BETA, clock.instant());
      rollouts.create(r, List.of());
      created.add(r.id());
    }
    Page<Rollout> first = rollouts.list(PageRequest.first(2));
    assertThat(first.items()).extracting(Rollout::id).startsWith(created.get(2), created.get(1));
    assertThat(first.next()).isNotNull();
    Page<Rollout> second = rollouts.list(new PageRequest(first.next(), 1));
    assertThat(second.items()).extracting(Rollout::id).containsExactly(created.get(0));
    assertThat(second.items().get(0).channel()).isEqualTo(UpdateChannel.BETA);
  }

  @Test
  void aTransitionAppliesOnlyToTheVersionItWasDecidedOn() {
    Rollout r = stored(fleet.devices(ada, 2, "stable"), 0);
    assertThat(rollouts.active()).contains(r.id());
    StatusReason why = new StatusReason(StatusReason.PAUSED_BY_HAND, "by Ada", now);

    assertThat(rollouts.transition(Transition.of(r, RolloutStatus.PAUSED, why, now))).isTrue();
    assertThat(rollouts.transition(Transition.nextGroup(r, ada.id(), now)))
        .as("decided on a version that is gone")
        .isFalse();
    Rollout paused = rollouts.find(r.id()).orElseThrow();
    assertThat(paused.status()).isEqualTo(RolloutStatus.PAUSED);
    assertThat(paused.reason()).isEqualTo(why);
    assertThat(paused.rowVersion()).isEqualTo(1);
    assertThat(paused.currentGroup()).isZero();

    clock.advance(Duration.ofMinutes(3));
    assertThat(rollouts.transition(Transition.nextGroup(paused, ada.id(), clock.instant())))
        .isTrue();
    Rollout next = rollouts.find(r.id()).orElseThrow();
    assertThat(next.currentGroup()).isEqualTo(1);
    assertThat(next.reason()).isNull();
    assertThat(next.group(1).openedAt()).isEqualTo(clock.instant());
    assertThat(next.group(1).approvedBy()).isEqualTo(ada.id());
    assertThat(next.group(0).openedAt()).isEqualTo(now);

    assertThat(
            rollouts.transition(
                Transition.of(next, RolloutStatus.COMPLETED, null, clock.instant())))
        .isTrue();
    assertThat(rollouts.active()).doesNotContain(r.id());
  }

  @Test
  void resumingAcceptsTheFailuresSoFar() {
    List<String> ids = fleet.devices(ada, 3, "stable");
    Rollout r = stored(ids, 0);
    for (String id : ids.subList(0, 2)) {
      String offer = offerTo(r, id);
      rollouts.progress(
          new ProgressReport(
              id,
              offer,
              DeviceUpdateState.ROLLED_BACK,
              "HEALTH_CHECK_FAILED",
              null,
              null,
              null,
              now));
    }
    rollouts.transition(Transition.of(r, RolloutStatus.PAUSED, null, now));
    Rollout paused = rollouts.find(r.id()).orElseThrow();
    assertThat(rollouts.transition(Transition.resume(paused, now))).isTrue();
    Rollout resumed = rollouts.find(r.id()).orElseThrow();
    assertThat(resumed.status()).isEqualTo(RolloutStatus.RUNNING);
    assertThat(resumed.group(0).failuresAccepted()).isEqualTo(2);
    assertThat(resumed.group(1).failuresAccepted()).isZero();
  }

  @Test
  void oneHolderAtATimeLeasesARollout() {
    Rollout r = stored(List.of(), 0);
    Instant until = now.plusSeconds(30);
    assertThat(rollouts.lease(r.id(), "hub-a", now, until)).isTrue();
    assertThat(rollouts.lease(r.id(), "hub-b", now.plusSeconds(10), until)).isFalse();
    assertThat(rollouts.lease(r.id(), "hub-a", now.plusSeconds(10), now.plusSeconds(40)))
        .as("renewing")
        .isTrue();
    assertThat(rollouts.lease(r.id(), "hub-b", now.plusSeconds(41), now.plusSeconds(70)))
        .as("after it ran out")
        .isTrue();
    assertThat(rollouts.lease("ro-missing", "hub-a", now, until)).isFalse();
  }

  // ---- audience ----

  @Test
  void theAudienceIsActiveOwnedDevicesOfTheProfilesOnChannelsThatTakeTheRelease() {
    String stable = fleet.device(ada, "stable");
    String beta = fleet.device(ada, "beta");
    fleet.device(ada, "off");
    store
        .devices()
        .register(
            "zz-pending-" + fleet.profile.hashCode(),
            "hw",
            fleet.profile,
            "c-" + UUID.randomUUID(),
            now);
    Rollout stableRollout = rollout(RolloutPlan.everyone(), UpdateChannel.STABLE, now);
    Rollout betaRollout = rollout(RolloutPlan.everyone(), UpdateChannel.BETA, now);

    assertThat(candidates(stableRollout, null, 10)).containsExactly(stable, beta);
    assertThat(candidates(betaRollout, null, 10)).containsExactly(beta);
    assertThat(candidates(stableRollout, stable, 10)).containsExactly(beta);
    assertThat(candidates(stableRollout, null, 1)).hasSize(1);

    rollouts.create(stableRollout, List.of(NewMember.pending(stable, ada.id(), 0)));
    assertThat(candidates(stableRollout, null, 10))
        .as("members are not candidates")
        .containsExactly(beta);
    fleet.runs(beta, "washer-programs", "1.0.0");
    Candidate c =
        rollouts.candidates(stableRollout.id(), stableRollout.audience(), null, 10).get(0);
    assertThat(c.ownerId()).isEqualTo(ada.id());
    assertThat(c.firmwareName()).isEqualTo("washer-programs");
    assertThat(c.firmwareVersion()).isEqualTo("1.0.0");
    assertThat(c.agentVersion()).isEqualTo("1.2.0");
  }

  private List<String> candidates(Rollout r, String after, int limit) {
    return rollouts
        .candidates(r.id(), new Audience(List.of(fleet.profile), r.channel()), after, limit)
        .stream()
        .map(Candidate::deviceId)
        .toList();
  }

  @Test
  void joiningTwiceKeepsTheFirstMembership() {
    List<String> ids = fleet.devices(ada, 2, "stable");
    Rollout r = stored(ids.subList(0, 1), 0);
    String offer = offerTo(r, ids.get(0));
    rollouts.join(
        r.id(),
        List.of(
            NewMember.pending(ids.get(0), ada.id(), 1), NewMember.pending(ids.get(1), ada.id(), 1)),
        now);
    assertThat(member(r, ids.get(0)).group()).isZero();
    assertThat(member(r, ids.get(0)).offerId()).isEqualTo(offer);
    assertThat(member(r, ids.get(1)).group()).isEqualTo(1);
    assertThat(member(r, ids.get(1)).state()).isEqualTo(DeviceUpdateState.PENDING);
  }

  @Test
  void devicesLeavingTheAudienceBeforeTheirOfferAreExcludedAndComeBackWhenTheyReturn() {
    List<String> ids = fleet.devices(ada, 4, "stable");
    Rollout r = stored(ids, 0);
    String delivered = offerTo(r, ids.get(2));
    rollouts.delivered(delivered, now);
    offerTo(r, ids.get(3));
    ids.forEach(id -> store.devices().setChannel(id, "off"));
    store.devices().setChannel(ids.get(1), "beta");

    assertThat(rollouts.reconcileAudience(r.id(), 1, now)).isEqualTo(2);
    assertThat(member(r, ids.get(0)).state()).isEqualTo(DeviceUpdateState.EXCLUDED);
    assertThat(member(r, ids.get(0)).reason()).isEqualTo(NewMember.LEFT_AUDIENCE);
    assertThat(member(r, ids.get(1)).state())
        .as("beta takes stable releases")
        .isEqualTo(DeviceUpdateState.PENDING);
    assertThat(member(r, ids.get(2)).state())
        .as("delivered already")
        .isEqualTo(DeviceUpdateState.OFFERED);
    assertThat(member(r, ids.get(3)).state())
        .as("its offer never reached it")
        .isEqualTo(DeviceUpdateState.EXCLUDED);

    store.devices().setChannel(ids.get(0), "stable");
    assertThat(rollouts.reconcileAudience(r.id(), 1, now)).isEqualTo(1);
    assertThat(member(r, ids.get(0)).state()).isEqualTo(DeviceUpdateState.PENDING);
    assertThat(member(r, ids.get(0)).group()).isEqualTo(1);
    store.devices().revoke(ids.get(1));
    rollouts.reconcileAudience(r.id(), 1, now);
    assertThat(member(r, ids.get(1)).state()).isEqualTo(DeviceUpdateState.EXCLUDED);
  }

  // ---- offers ----

  @Test
  void pendingDevicesAreFoundByTheirOwnersTimeZone() {
    Owner tokyo = fleet.owner("Asia/Tokyo");
    Owner utc = fleet.owner("UTC");
    String inBerlin = fleet.device(ada, "stable");
    String inTokyo = fleet.device(tokyo, "stable");
    String unzoned = fleet.device(utc, "stable");
    String later = fleet.device(ada, "stable");
    Rollout r = stored(List.of(inBerlin, inTokyo, unzoned), 0);
    rollouts.join(r.id(), List.of(NewMember.pending(later, ada.id(), 1)), now);

    assertThat(rollouts.pendingZones(r.id(), 0))
        .containsExactlyInAnyOrder("Europe/Berlin", "Asia/Tokyo", "UTC");
    assertThat(rollouts.pending(r.id(), 0, List.of("Europe/Berlin", "UTC"), 10))
        .extracting(RolloutMember::deviceId)
        .containsExactlyInAnyOrder(inBerlin, unzoned);
    assertThat(rollouts.pending(r.id(), 1, List.of("Europe/Berlin"), 10))
        .extracting(RolloutMember::deviceId)
        .containsExactlyInAnyOrder(inBerlin, later);
    assertThat(rollouts.pending(r.id(), 1, List.of("Europe/Berlin"), 1)).hasSize(1);
    assertThat(rollouts.pending(r.id(), 1, List.of(), 10)).isEmpty();
  }

  @Test
  void aStepsOffersAreMadeTogetherEachOnlyIfStillPending() {
    List<String> ids = fleet.devices(ada, 3, "stable");
    Rollout r = stored(ids, 0);
    Instant expires = now.plus(Duration.ofHours(2));
    assertThat(rollouts.offer(r.id(), ids.get(1), 0, "o-early-" + r.id(), expires, now)).isTrue();

    List<String> made =
        rollouts.offerAll(
            r.id(),
            List.of(
                new Rollouts.NewOffer(ids.get(0), 0, "o-a-" + r.id()),
                new Rollouts.NewOffer(ids.get(1), 0, "o-b-" + r.id()),
                new Rollouts.NewOffer(ids.get(2), 0, "o-c-" + r.id())),
            expires,
            now);

    assertThat(made).containsExactly("o-a-" + r.id(), "o-c-" + r.id());
    assertThat(member(r, ids.get(1)).offerId()).isEqualTo("o-early-" + r.id());
    assertThat(member(r, ids.get(2)).state()).isEqualTo(DeviceUpdateState.OFFERED);
    assertThat(rollouts.offerAll(r.id(), List.of(), expires, now)).isEmpty();
  }

  @Test
  void anOfferIsMadeOnceAndOnlyWhileTheRolloutMakesOffers() {
    List<String> ids = fleet.devices(ada, 2, "stable");
    Rollout r = stored(ids, 0);
    Instant expires = now.plus(Duration.ofHours(2));
    assertThat(rollouts.offer(r.id(), ids.get(0), 0, "o-1-" + r.id(), expires, now)).isTrue();
    assertThat(rollouts.offer(r.id(), ids.get(0), 0, "o-2-" + r.id(), expires, now))
        .as("not pending any more")
        .isFalse();
    RolloutMember m = member(r, ids.get(0));
    assertThat(m.state()).isEqualTo(DeviceUpdateState.OFFERED);
    assertThat(m.offerId()).isEqualTo("o-1-" + r.id());
    assertThat(m.attempt()).isEqualTo(1);
    assertThat(m.offerExpires()).isEqualTo(expires);
    assertThat(m.deliveredAt()).isNull();

    rollouts.transition(Transition.of(r, RolloutStatus.PAUSED, null, now));
    assertThat(rollouts.offer(r.id(), ids.get(1), 0, "o-3-" + r.id(), expires, now))
        .as("paused")
        .isFalse();
    assertThat(rollouts.undelivered(ids.get(0), now)).as("paused").isEmpty();
  }

  @Test
  void offersWaitForTheirDeviceUntilDeliveredOrExpired() {
    List<String> ids = fleet.devices(ada, 2, "stable");
    Rollout r = stored(ids, 0);
    String first = offerTo(r, ids.get(0));
    offerTo(r, ids.get(1));
    assertThat(rollouts.undelivered(ids.get(0), now))
        .extracting(RolloutMember::offerId)
        .containsExactly(first);
    rollouts.delivered(first, now.plusSeconds(5));
    assertThat(rollouts.undelivered(ids.get(0), now)).isEmpty();
    assertThat(member(r, ids.get(0)).deliveredAt()).isEqualTo(now.plusSeconds(5));
    assertThat(rollouts.undelivered(ids.get(1), now.plus(Duration.ofHours(2))))
        .as("expired")
        .isEmpty();

    rollouts.progress(report(ids.get(0), first, DeviceUpdateState.DOWNLOADING));
    int expired =
        rollouts.expireOffers(now.plus(Duration.ofHours(2)), now.plus(Duration.ofHours(2)));
    assertThat(expired).as("only offers nobody started").isGreaterThanOrEqualTo(1);
    assertThat(member(r, ids.get(1)).state()).isEqualTo(DeviceUpdateState.PENDING);
    assertThat(member(r, ids.get(1)).attempt()).isEqualTo(1);
    assertThat(member(r, ids.get(0)).state()).isEqualTo(DeviceUpdateState.DOWNLOADING);
  }

  // ---- progress ----

  @Test
  void aBatchOfReportsAppliesEachDevicesReportsInTheirOrder() {
    List<String> ids = fleet.devices(ada, 3, "stable");
    Rollout r = stored(ids, 0);
    String first = offerTo(r, ids.get(0));
    String second = offerTo(r, ids.get(1));

    List<RolloutMember> changed =
        rollouts.progressAll(
            List.of(
                report(ids.get(1), second, DeviceUpdateState.DOWNLOADING),
                report(ids.get(0), first, DeviceUpdateState.DOWNLOADING),
                report(ids.get(0), first, DeviceUpdateState.COMMITTED),
                report(ids.get(0), first, DeviceUpdateState.INSTALLING),
                report(ids.get(2), "o-none", DeviceUpdateState.DOWNLOADING)));

    assertThat(changed)
        .extracting(RolloutMember::deviceId, RolloutMember::state)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(ids.get(1), DeviceUpdateState.DOWNLOADING),
            org.assertj.core.groups.Tuple.tuple(ids.get(0), DeviceUpdateState.DOWNLOADING),
            org.assertj.core.groups.Tuple.tuple(ids.get(0), DeviceUpdateState.COMMITTED));
    assertThat(member(r, ids.get(0)).state()).isEqualTo(DeviceUpdateState.COMMITTED);
    assertThat(member(r, ids.get(1)).state()).isEqualTo(DeviceUpdateState.DOWNLOADING);
    assertThat(member(r, ids.get(2)).state()).isEqualTo(DeviceUpdateState.PENDING);
    assertThat(rollouts.progressAll(List.of())).isEmpty();
  }

  @Test
  void progressMovesAMemberOnlyForwardAndAFinalStateStays() {
    List<String> ids = fleet.devices(ada, 2, "stable");
    Rollout r = stored(ids, 0);
    String offer = offerTo(r, ids.get(0));
    String d = ids.get(0);

    assertThat(
            rollouts.progress(
                new ProgressReport(
                    d, offer, DeviceUpdateState.DOWNLOADING, null, null, 0.25, "1.0.0", now)))
        .get()
        .satisfies(m -> assertThat(m.progress()).isEqualTo(0.25));
    assertThat(
            rollouts.progress(
                new ProgressReport(
                    d, offer, DeviceUpdateState.DOWNLOADING, null, null, 0.5, null, now)))
        .get()
        .satisfies(m -> assertThat(m.progress()).isEqualTo(0.5))
        .satisfies(m -> assertThat(m.fromVersion()).isEqualTo("1.0.0"));
    assertThat(rollouts.progress(report(d, offer, DeviceUpdateState.INSTALLING))).isPresent();
    assertThat(rollouts.progress(report(d, offer, DeviceUpdateState.DOWNLOADING)))
        .as("a late report of an earlier state")
        .isEmpty();
    assertThat(rollouts.progress(report(ids.get(1), offer, DeviceUpdateState.FAILED)))
        .as("another device cannot report on this offer")
        .isEmpty();
    assertThat(rollouts.progress(report(d, "o-unknown", DeviceUpdateState.FAILED))).isEmpty();

    RolloutMember failed =
        rollouts
            .progress(
                new ProgressReport(
                    d,
                    offer,
                    DeviceUpdateState.ROLLED_BACK,
                    "HEALTH_CHECK_FAILED",
                    "self-test failed",
                    null,
                    null,
                    now))
            .orElseThrow();
    assertThat(failed.state()).isEqualTo(DeviceUpdateState.ROLLED_BACK);
    assertThat(failed.reason()).isEqualTo("HEALTH_CHECK_FAILED");
    assertThat(failed.detail()).isEqualTo("self-test failed");
    assertThat(rollouts.progress(report(d, offer, DeviceUpdateState.COMMITTED)))
        .as("final stays final")
        .isEmpty();
    assertThat(rollouts.tally(r.id()).group(0).failures()).isEqualTo(1);
  }

  @Test
  void anOfferThatExpiredBeforeItStartedSendsTheMemberBackToPending() {
    List<String> ids = fleet.devices(ada, 1, "stable");
    Rollout r = stored(ids, 0);
    String offer = offerTo(r, ids.get(0));
    rollouts.delivered(offer, now);
    RolloutMember back =
        rollouts
            .progress(
                new ProgressReport(
                    ids.get(0),
                    offer,
                    DeviceUpdateState.FAILED,
                    ProgressReport.OFFER_EXPIRED,
                    null,
                    null,
                    null,
                    now))
            .orElseThrow();
    assertThat(back.state()).isEqualTo(DeviceUpdateState.PENDING);
    assertThat(back.deliveredAt()).isNull();
    assertThat(rollouts.offer(r.id(), ids.get(0), 1, "o-again-" + r.id(), now.plusSeconds(60), now))
        .isTrue();
  }

  // ---- listings ----

  @Test
  void membersListByDeviceIdInPagesAndByState() {
    List<String> ids = fleet.devices(ada, 3, "stable");
    Rollout r = stored(ids, 0);
    offerTo(r, ids.get(1));
    Page<RolloutMember> first = rollouts.members(r.id(), null, PageRequest.first(2));
    assertThat(first.items())
        .extracting(RolloutMember::deviceId)
        .containsExactly(ids.get(0), ids.get(1));
    Page<RolloutMember> rest = rollouts.members(r.id(), null, new PageRequest(first.next(), 2));
    assertThat(rest.items()).extracting(RolloutMember::deviceId).containsExactly(ids.get(2));
    assertThat(rest.next()).isNull();
    assertThat(rollouts.members(r.id(), DeviceUpdateState.OFFERED, PageRequest.first(10)).items())
        .extracting(RolloutMember::deviceId)
        .containsExactly(ids.get(1));
  }

  @Test
  void aDevicesHistoryListsItsRolloutsNewestFirst() {
    String washer = fleet.device(ada, "stable");
    Rollout older = stored(List.of(washer), 0);
    String offer = offerTo(older, washer);
    rollouts.progress(report(washer, offer, DeviceUpdateState.COMMITTED));
    clock.advance(Duration.ofDays(3));
    Rollout newer = stored(List.of(washer), 0);

    List<DeviceUpdate> history = rollouts.history(washer, PageRequest.first(10)).items();
    assertThat(history)
        .extracting(u -> u.member().rolloutId())
        .containsExactly(newer.id(), older.id());
    DeviceUpdate done = history.get(1);
    assertThat(done.releaseName()).isEqualTo("washer-programs");
    assertThat(done.releaseVersion()).isEqualTo("1.1.0");
    assertThat(done.channel()).isEqualTo(UpdateChannel.STABLE);
    assertThat(done.rolloutStatus()).isEqualTo(RolloutStatus.RUNNING);
    assertThat(done.member().state()).isEqualTo(DeviceUpdateState.COMMITTED);
    Page<DeviceUpdate> page = rollouts.history(washer, PageRequest.first(1));
    assertThat(rollouts.history(washer, new PageRequest(page.next(), 1)).items())
        .extracting(u -> u.member().rolloutId())
        .containsExactly(older.id());
  }
}
