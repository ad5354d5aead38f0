package dev.hearth.hub.store;

import static dev.hearth.hub.store.IngestBatches.batch;
import static dev.hearth.hub.store.IngestBatches.sample;
import static dev.hearth.hub.store.IngestBatches.series;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hearth.hub.store.Alerts.Alert;
import dev.hearth.hub.store.CommandRecord.Status;
import dev.hearth.hub.store.Events.StoredEvent;
import dev.hearth.hub.store.IngestBatch.EventRow;
import dev.hearth.hub.store.Telemetry.Aggregate;
import dev.hearth.hub.store.Telemetry.Gap;
import dev.hearth.hub.store.Telemetry.Point;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every {@link HubStore} must do, run against each implementation (H2 and PostgreSQL) by a
 * subclass that says how to open it and how to empty it between tests.
 *
 * <p>One store is opened per implementation and emptied before each test, so the suite pays for a
 * schema migration once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class HubStoreContract {

  /** The store's own clock (last seen, claim codes used); fixed so tests can compare. */
  protected static final Instant NOW = Instant.parse("2030-03-04T10:00:00Z");

  protected static final long T0 = Instant.parse("2030-03-04T09:00:00Z").toEpochMilli();

  protected HubStore store;

  /** Opens the implementation under test, on an empty schema. */
  protected abstract HubStore openStore(Clock clock);

  /** Deletes every row the previous test left. */
  protected abstract void emptyStore();

  /** {@code h2} or {@code postgresql}. */
  protected abstract String expectedVendor();

  @BeforeAll
  void open() {
    store = openStore(Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @AfterAll
  void close() {
    if (store != null) {
      store.close();
    }
  }

  @BeforeEach
  void empty() {
    emptyStore();
  }

  @Test
  void namesItsVendor() {
    assertThat(store.vendor()).isEqualTo(expectedVendor());
  }

  // ---- fixtures ----

  protected Owner owner(String id) {
    return store
        .owners()
        .create(
            new Owner(
                id,
                id + "@example.org",
                "Owner " + id,
                "$argon2id$hash-of-" + id,
                Set.of(Owner.Role.OWNER),
                "Europe/Berlin",
                NOW))
        .orElseThrow();
  }

  protected Device pending(String id) {
    return store.devices().register(id, "hw-" + id, "open-washer@1", "code-" + id, NOW);
  }

  protected Device active(String id, String ownerId) {
    pending(id);
    assertThat(store.devices().claim(id, ownerId, "pw-" + id, "psk-" + id, NOW)).isTrue();
    return store.devices().find(id).orElseThrow();
  }

  protected static CommandRecord command(
      String id, String deviceId, Instant created, Duration ttl) {
    return new CommandRecord(
        id, deviceId, "stop", "{}", "o1", created, created.plus(ttl), Status.QUEUED, null, created);
  }

  protected static Alert alert(String deviceId, String rule, Instant raised) {
    return new Alert(null, deviceId, rule, "alarm", rule + " on " + deviceId, raised, null);
  }

  /** Follows cursors to the end and returns every item, checking each page's size. */
  protected static <T> List<T> allPages(Function<PageRequest, Page<T>> list, int limit) {
    List<T> all = new ArrayList<>();
    String cursor = null;
    for (int pages = 0; pages < 100; pages++) {
      Page<T> page = list.apply(new PageRequest(cursor, limit));
      assertThat(page.items().size()).isLessThanOrEqualTo(limit);
      all.addAll(page.items());
      if (page.next() == null) {
        return all;
      }
      assertThat(page.items()).hasSize(limit);
      cursor = page.next();
    }
    throw new AssertionError("more than 100 pages");
  }

  private static Instant at(long millis) {
    return Instant.ofEpochMilli(millis);
  }

  // ---- devices ----

  @Nested
  class DevicesTests {

    @Test
    void registeringIsIdempotentForTheSameClaimCodeAndHardware() {
      Device first = pending("wsh-1");
      Device again =
          store
              .devices()
              .register("wsh-1", "hw-wsh-1", "open-washer@1", "code-wsh-1", NOW.plusSeconds(60));

      assertThat(again).isEqualTo(first);
      assertThat(first.state()).isEqualTo(Device.State.PENDING);
      assertThat(first.ownerId()).isNull();
      assertThat(first.channel()).isEqualTo("stable");
      assertThat(first.presence()).isEqualTo("offline");
      assertThat(first.createdAt()).isEqualTo(NOW);
    }

    @Test
    void aClaimCodeHeldByOtherHardwareIsReportedNotTaken() {
      pending("wsh-1");

      Device holder =
          store.devices().register("wsh-2", "hw-other", "open-washer@1", "code-wsh-1", NOW);

      assertThat(holder.id()).isEqualTo("wsh-1");
      assertThat(holder.hardwareId()).isEqualTo("hw-wsh-1");
      assertThat(store.devices().find("wsh-2")).isEmpty();
    }

    @Test
    void aDeviceIdHeldByAnotherEnrollmentIsReportedNotTaken() {
      pending("wsh-1");

      Device holder =
          store.devices().register("wsh-1", "hw-other", "open-washer@1", "code-new", NOW);

      assertThat(holder.claimCode()).isEqualTo("code-wsh-1");
      assertThat(store.devices().findByClaimCode("code-new")).isEmpty();
    }

    @Test
    void aDeviceIsClaimedOnceAndOnlyThenHasCredentials() {
      owner("o1");
      owner("o2");
      pending("wsh-1");
      assertThat(store.devices().passwordHash("wsh-1")).isEmpty();

      assertThat(store.devices().claim("wsh-1", "o1", "pw-hash", "psk-hash", NOW)).isTrue();
      assertThat(store.devices().claim("wsh-1", "o2", "stolen", "stolen", NOW)).isFalse();

      Device claimed = store.devices().find("wsh-1").orElseThrow();
      assertThat(claimed.ownerId()).isEqualTo("o1");
      assertThat(claimed.state()).isEqualTo(Device.State.ACTIVE);
      assertThat(store.devices().passwordHash("wsh-1")).contains("pw-hash");
      assertThat(store.devices().pskHash("wsh-1")).contains("psk-hash");
      assertThat(store.devices().claim("nobody", "o1", "x", "x", NOW)).isFalse();
    }

    @Test
    void aRevokedDeviceHasNoCredentialsAndIsNotActive() {
      owner("o1");
      active("wsh-1", "o1");

      store.devices().revoke("wsh-1");

      assertThat(store.devices().find("wsh-1").orElseThrow().state())
          .isEqualTo(Device.State.REVOKED);
      assertThat(store.devices().passwordHash("wsh-1")).isEmpty();
      assertThat(store.devices().pskHash("wsh-1")).isEmpty();
      assertThat(store.devices().active(PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void findsByClaimCodeRenamesAndSetsTheChannel() {
      pending("wsh-1");

      store.devices().rename("wsh-1", "Kitchen washer");
      store.devices().setChannel("wsh-1", "beta");

      Device d = store.devices().findByClaimCode("code-wsh-1").orElseThrow();
      assertThat(d.name()).isEqualTo("Kitchen washer");
      assertThat(d.channel()).isEqualTo("beta");
      assertThat(store.devices().findByClaimCode("unknown")).isEmpty();
      assertThat(store.devices().find("unknown")).isEmpty();
    }

    @Test
    void anOwnersDevicesComeByNameThenIdAcrossPages() {
      owner("o1");
      owner("o2");
      for (int i = 0; i < 7; i++) {
        active("dev-" + i, "o1");
      }
      active("other", "o2");
      store.devices().rename("dev-5", "Attic");
      store.devices().rename("dev-2", "Basement");

      List<Device> all = allPages(p -> store.devices().ownedBy("o1", p), 3);

      assertThat(all)
          .extracting(Device::id)
          .containsExactly("dev-0", "dev-1", "dev-3", "dev-4", "dev-6", "dev-5", "dev-2");
    }

    @Test
    void activeDevicesComeByIdAcrossPages() {
      owner("o1");
      for (int i = 0; i < 5; i++) {
        active("act-" + i, "o1");
      }
      pending("pending-1");

      List<Device> all = allPages(p -> store.devices().active(p), 2);

      assertThat(all)
          .extracting(Device::id)
          .containsExactly("act-0", "act-1", "act-2", "act-3", "act-4");
    }

    @Test
    void aMalformedCursorIsTheCallersMistake() {
      assertThatThrownBy(() -> store.devices().active(new PageRequest("not a cursor!", 10)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("cursor");
    }

    @Test
    void anOwnerIssuedClaimCodeNamesItsOwnerUntilUsedOrExpired() {
      owner("o1");
      store.devices().issueClaimCode("AB12-CD34", "o1", NOW.plusSeconds(600));
      store.devices().issueClaimCode("OLD", "o1", NOW.minusSeconds(1));

      assertThat(store.devices().claimCodeOwner("AB12-CD34", NOW)).contains("o1");
      assertThat(store.devices().claimCodeOwner("AB12-CD34", NOW.plusSeconds(600))).isEmpty();
      assertThat(store.devices().claimCodeOwner("OLD", NOW)).isEmpty();
      assertThat(store.devices().claimCodeOwner("unknown", NOW)).isEmpty();

      store.devices().useClaimCode("AB12-CD34");
      assertThat(store.devices().claimCodeOwner("AB12-CD34", NOW)).isEmpty();
    }

    @Test
    void anOwnerIssuedClaimCodeIsRedeemedOnce() {
      owner("o1");
      store.devices().issueClaimCode("ONCE", "o1", NOW.plusSeconds(600));

      assertThat(store.devices().redeemClaimCode("ONCE", NOW)).contains("o1");
      assertThat(store.devices().redeemClaimCode("ONCE", NOW)).isEmpty();
      assertThat(store.devices().redeemClaimCode("unknown", NOW)).isEmpty();
    }
  }

  // ---- owners ----

  @Nested
  class OwnersTests {

    @Test
    void anAccountIsFoundByIdAndCaseInsensitiveEmail() {
      Owner created =
          store
              .owners()
              .create(
                  new Owner(
                      "o1",
                      "Ada@Example.org",
                      "Ada",
                      "hash",
                      Set.of(Owner.Role.OWNER, Owner.Role.MAINTAINER),
                      "Europe/London",
                      NOW))
              .orElseThrow();

      assertThat(created.email()).isEqualTo("ada@example.org");
      assertThat(store.owners().find("o1")).contains(created);
      assertThat(store.owners().findByEmail("ADA@example.org")).contains(created);
      assertThat(store.owners().find("nobody")).isEmpty();
    }

    @Test
    void aTakenEmailIsRefusedAsAValue() {
      owner("o1");

      assertThat(
              store
                  .owners()
                  .create(new Owner("o2", "O1@example.org", "Copy", "hash", Set.of(), "UTC", NOW)))
          .isEmpty();
      assertThat(store.owners().find("o2")).isEmpty();
    }

    @Test
    void passwordAndRolesChange() {
      owner("o1");

      store.owners().updatePassword("o1", "new-hash");
      assertThat(store.owners().setRoles("o1", Set.of(Owner.Role.ADMIN, Owner.Role.OWNER)))
          .isTrue();
      assertThat(store.owners().setRoles("nobody", Set.of(Owner.Role.ADMIN))).isFalse();

      Owner o = store.owners().find("o1").orElseThrow();
      assertThat(o.passwordHash()).isEqualTo("new-hash");
      assertThat(o.roles()).containsExactlyInAnyOrder(Owner.Role.ADMIN, Owner.Role.OWNER);
    }

    @Test
    void aSessionNamesItsOwnerUntilItExpiresOrEnds() {
      owner("o1");
      store.owners().createSession("token-hash-1", "o1", NOW.plusSeconds(3600));

      assertThat(store.owners().sessionOwner("token-hash-1", NOW)).contains("o1");
      assertThat(store.owners().sessionOwner("token-hash-1", NOW.plusSeconds(3600))).isEmpty();
      assertThat(store.owners().sessionOwner("unknown", NOW)).isEmpty();

      store.owners().deleteSession("token-hash-1");
      assertThat(store.owners().sessionOwner("token-hash-1", NOW)).isEmpty();
    }

    @Test
    void expiredSessionsArePurgedAndAnOwnersSessionsEndTogether() {
      owner("o1");
      owner("o2");
      store.owners().createSession("expired-1", "o1", NOW.minusSeconds(1));
      store.owners().createSession("expired-2", "o2", NOW);
      store.owners().createSession("live-1", "o1", NOW.plusSeconds(60));
      store.owners().createSession("live-2", "o1", NOW.plusSeconds(60));
      store.owners().createSession("live-3", "o2", NOW.plusSeconds(60));

      assertThat(store.owners().purgeSessions(NOW)).isEqualTo(2);
      assertThat(store.owners().deleteSessionsOf("o1")).isEqualTo(2);

      assertThat(store.owners().sessionOwner("live-1", NOW)).isEmpty();
      assertThat(store.owners().sessionOwner("live-3", NOW)).contains("o2");
    }
  }

  // ---- ingest: events, state, presence, command results ----

  @Nested
  class IngestTests {

    @Test
    void anEmptyBatchChangesNothing() {
      store.commit(batch().build());
    }

    @Test
    void aRedeliveredEventIsStoredOnce() {
      owner("o1");
      active("wsh-1", "o1");
      IngestBatch first = batch().event("wsh-1", 1, T0, "door-opened").build();
      store.commit(first);

      store.commit(
          batch()
              .event("wsh-1", 1, T0, "door-opened")
              .event("wsh-1", 2, T0 + 5, "door-closed")
              .event("wsh-1", 2, T0 + 5, "door-closed")
              .build());

      List<StoredEvent> events = store.events().of("wsh-1", PageRequest.first(10)).items();
      assertThat(events).extracting(StoredEvent::seq).containsExactly(2L, 1L);
      assertThat(events.get(1).type()).isEqualTo("door-opened");
      assertThat(events.get(1).json()).isEqualTo("{\"seq\":1,\"type\":\"door-opened\"}");
      assertThat(events.get(1).message()).isEqualTo("door-opened happened");
      assertThat(store.events().highestSeq("wsh-1")).isEqualTo(2);
      assertThat(store.events().highestSeq("nobody")).isZero();
    }

    @Test
    void eventsComeNewestFirstAcrossPages() {
      IngestBatches b = batch();
      for (int seq = 1; seq <= 11; seq++) {
        b.event("wsh-1", seq, T0 + seq, "tick");
      }
      b.event("wsh-2", 1, T0, "tick");
      store.commit(b.build());

      List<StoredEvent> all = allPages(p -> store.events().of("wsh-1", p), 4);

      assertThat(all)
          .extracting(StoredEvent::seq)
          .containsExactly(11L, 10L, 9L, 8L, 7L, 6L, 5L, 4L, 3L, 2L, 1L);
    }

    @Test
    void theLatestStateOnlyMovesForward() {
      store.commit(batch().state("wsh-1", 5, T0 + 5000, "{\"step\":\"rinse\"}").build());
      store.commit(batch().state("wsh-1", 4, T0 + 4000, "{\"step\":\"wash\"}").build());
      assertThat(store.events().latestState("wsh-1")).contains("{\"step\":\"rinse\"}");

      store.commit(
          batch()
              .state("wsh-1", 7, T0 + 7000, "{\"step\":\"spin\"}")
              .state("wsh-1", 6, T0 + 6000, "{\"step\":\"drain\"}")
              .build());
      assertThat(store.events().latestState("wsh-1")).contains("{\"step\":\"spin\"}");
      assertThat(store.events().latestState("nobody")).isEmpty();
    }

    @Test
    void statusesSetPresenceAndVersionsAndAnOlderStatusLoses() {
      owner("o1");
      active("wsh-1", "o1");

      store.commit(batch().status("wsh-1", "online", T0, "1.2.0", "3.1.0").build());
      Device online = store.devices().find("wsh-1").orElseThrow();
      assertThat(online.presence()).isEqualTo("online");
      assertThat(online.agentVersion()).isEqualTo("1.2.0");
      assertThat(online.firmwareName()).isEqualTo("washer-programs");
      assertThat(online.firmwareVersion()).isEqualTo("3.1.0");
      assertThat(online.lastSeen()).isEqualTo(NOW);

      // The last will carries no versions: presence changes, versions stay.
      store.commit(batch().status("wsh-1", "offline", T0 + 1000, null, null).build());
      // A redelivered older status does not bring the device back online.
      store.commit(batch().status("wsh-1", "online", T0 + 500, "1.1.0", null).build());

      Device offline = store.devices().find("wsh-1").orElseThrow();
      assertThat(offline.presence()).isEqualTo("offline");
      assertThat(offline.agentVersion()).isEqualTo("1.2.0");
      assertThat(offline.firmwareVersion()).isEqualTo("3.1.0");
    }

    @Test
    void anythingADeviceSendsUpdatesWhenItWasLastSeen() {
      owner("o1");
      active("wsh-1", "o1");
      active("wsh-2", "o1");

      store.commit(batch().telemetry("wsh-1", 1, sample(T0, "temp", 20)).build());

      assertThat(store.devices().find("wsh-1").orElseThrow().lastSeen()).isEqualTo(NOW);
      assertThat(store.devices().find("wsh-2").orElseThrow().lastSeen()).isNull();
    }

    @Test
    void aCommandResultCompletesOnlyTheDevicesOwnOpenCommand() {
      owner("o1");
      active("wsh-1", "o1");
      active("wsh-2", "o1");
      store.commands().enqueue(command("c1", "wsh-1", NOW, Duration.ofMinutes(5)));
      store.commands().enqueue(command("c2", "wsh-1", NOW, Duration.ofMinutes(5)));
      store.commands().markSent("c1", NOW.plusSeconds(1));

      store.commit(
          batch()
              .result("wsh-1", "c1", "ok", NOW.plusSeconds(2).toEpochMilli())
              .result("wsh-2", "c2", "ok", NOW.plusSeconds(2).toEpochMilli())
              .build());
      store.commit(
          batch().result("wsh-1", "c1", "error", NOW.plusSeconds(3).toEpochMilli()).build());

      CommandRecord c1 = store.commands().find("c1").orElseThrow();
      assertThat(c1.status()).isEqualTo(Status.OK);
      assertThat(c1.message()).isEqualTo("ok message");
      assertThat(c1.updatedAt()).isEqualTo(NOW.plusSeconds(2));
      assertThat(store.commands().find("c2").orElseThrow().status()).isEqualTo(Status.QUEUED);
    }

    @Test
    void refusedAndUnknownOutcomesAreStoredAsSuch() {
      owner("o1");
      active("wsh-1", "o1");
      store.commands().enqueue(command("c1", "wsh-1", NOW, Duration.ofMinutes(5)));
      store.commands().enqueue(command("c2", "wsh-1", NOW, Duration.ofMinutes(5)));

      store.commit(
          batch()
              .result("wsh-1", "c1", "refused", NOW.toEpochMilli())
              .result("wsh-1", "c2", "exploded", NOW.toEpochMilli())
              .build());

      assertThat(store.commands().find("c1").orElseThrow().status()).isEqualTo(Status.REFUSED);
      CommandRecord c2 = store.commands().find("c2").orElseThrow();
      assertThat(c2.status()).isEqualTo(Status.ERROR);
      assertThat(c2.message()).contains("exploded");
    }

    @Test
    void redeliveriesCommittedConcurrentlyAreStoredOnce() throws Exception {
      // Several writers (hub instances behind shared subscriptions) may get the same message.
      IngestBatch b =
          batch()
              .telemetry("wsh-1", 1, series(T0, 10, 3))
              .telemetry("wsh-2", 1, series(T0, 10, 3))
              .event("wsh-1", 1, T0, "cycle-finished")
              .build();
      int writers = 4;
      java.util.concurrent.ExecutorService pool =
          java.util.concurrent.Executors.newFixedThreadPool(writers);
      try {
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<?>> done = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
          done.add(
              pool.submit(
                  () -> {
                    start.await();
                    store.commit(b);
                    return null;
                  }));
        }
        start.countDown();
        for (java.util.concurrent.Future<?> f : done) {
          f.get(30, java.util.concurrent.TimeUnit.SECONDS);
        }
      } finally {
        pool.shutdownNow();
      }

      assertThat(store.telemetry().raw("wsh-1", "c2", at(T0), at(T0 + 60_000), 100)).hasSize(10);
      assertThat(store.telemetry().raw("wsh-2", "c0", at(T0), at(T0 + 60_000), 100)).hasSize(10);
      assertThat(store.events().of("wsh-1", PageRequest.first(10)).items()).hasSize(1);
    }

    @Test
    void aBatchThatFailsStoresNothingOfItself() {
      IngestBatch broken =
          batch()
              .telemetry("wsh-1", 1, sample(T0, "temp", 20))
              .event("wsh-1", 1, T0, "fine")
              .event(new EventRow("wsh-1", 2, T0, null, "info", "no type", "{}"))
              .build();

      assertThatThrownBy(() -> store.commit(broken)).isInstanceOf(StoreException.class);

      assertThat(store.events().of("wsh-1", PageRequest.first(10)).items()).isEmpty();
      assertThat(store.telemetry().raw("wsh-1", "temp", Instant.EPOCH, Instant.MAX, 10)).isEmpty();
      assertThat(store.telemetry().latest("wsh-1")).isEmpty();
    }
  }

  // ---- telemetry ----

  @Nested
  class TelemetryTests {

    @Test
    void rawSamplesComeOldestFirstInAHalfOpenRangeUpToALimit() {
      store.commit(batch().telemetry("wsh-1", 1, series(T0, 10, 2)).build());
      store.commit(batch().telemetry("wsh-2", 1, series(T0, 10, 2)).build());

      List<Point> points = store.telemetry().raw("wsh-1", "c1", at(T0 + 2000), at(T0 + 6000), 100);

      assertThat(points)
          .containsExactly(
              new Point("c1", at(T0 + 2000), 2.1),
              new Point("c1", at(T0 + 3000), 3.1),
              new Point("c1", at(T0 + 4000), 4.1),
              new Point("c1", at(T0 + 5000), 5.1));
      assertThat(store.telemetry().raw("wsh-1", "c1", at(T0), at(T0 + 10_000), 3))
          .extracting(Point::ts)
          .containsExactly(at(T0), at(T0 + 1000), at(T0 + 2000));
      assertThat(store.telemetry().raw("wsh-1", "nope", at(T0), at(T0 + 10_000), 3)).isEmpty();
    }

    @Test
    void aRedeliveredTelemetryBatchIsStoredOnce() {
      IngestBatch b = batch().telemetry("wsh-1", 7, series(T0, 5, 1)).build();
      store.commit(b);
      store.commit(b);
      store.commit(
          batch()
              .telemetry("wsh-1", 7, series(T0, 5, 1))
              .telemetry("wsh-1", 8, series(T0 + 5000, 5, 1))
              .telemetry("wsh-1", 8, series(T0 + 5000, 5, 1))
              .build());

      assertThat(store.telemetry().raw("wsh-1", "c0", at(T0), at(T0 + 60_000), 100)).hasSize(10);
    }

    @Test
    void theLatestSampleOfEachChannelWinsWhateverTheArrivalOrder() {
      store.commit(
          batch().telemetry("wsh-1", 2, sample(T0 + 2000, "temp", 40, "power", 900)).build());
      store.commit(
          batch().telemetry("wsh-1", 1, sample(T0 + 1000, "temp", 30, "level", 3)).build());

      assertThat(store.telemetry().latest("wsh-1"))
          .containsExactly(
              new Point("level", at(T0 + 1000), 3),
              new Point("power", at(T0 + 2000), 900),
              new Point("temp", at(T0 + 2000), 40));
      assertThat(store.telemetry().latest("nobody")).isEmpty();
    }

    @Test
    void downsamplingAggregatesWholeMinutesAndIsIdempotent() {
      long minute = T0; // T0 is on a minute boundary
      store.commit(
          batch()
              .telemetry(
                  "wsh-1",
                  1,
                  sample(minute + 1_000, "temp", 10),
                  sample(minute + 20_000, "temp", 30),
                  sample(minute + 59_999, "temp", 20),
                  sample(minute + 60_000, "temp", 100),
                  sample(minute + 125_000, "temp", 7))
              .build());

      // [T0 + 1 s, T0 + 150 s) holds one whole minute: [T0 + 60 s, T0 + 120 s).
      assertThat(store.telemetry().downsample(at(minute + 1), at(minute + 150_000))).isEqualTo(1);
      assertThat(store.telemetry().minutes("wsh-1", "temp", at(minute), at(minute + 300_000)))
          .containsExactly(new Aggregate("temp", at(minute + 60_000), 100, 100, 100, 1));

      assertThat(store.telemetry().downsample(at(minute), at(minute + 180_000))).isEqualTo(3);
      assertThat(store.telemetry().downsample(at(minute), at(minute + 180_000))).isEqualTo(3);

      List<Aggregate> minutes =
          store.telemetry().minutes("wsh-1", "temp", at(minute), at(minute + 300_000));
      assertThat(minutes)
          .containsExactly(
              new Aggregate("temp", at(minute), 10, 30, 20, 3),
              new Aggregate("temp", at(minute + 60_000), 100, 100, 100, 1),
              new Aggregate("temp", at(minute + 120_000), 7, 7, 7, 1));
      assertThat(
              store.telemetry().minutes("wsh-1", "temp", at(minute + 60_000), at(minute + 120_000)))
          .hasSize(1);
    }

    @Test
    void lateSamplesAreTakenInWhenAMinuteIsDownsampledAgain() {
      store.commit(batch().telemetry("wsh-1", 1, sample(T0 + 1000, "temp", 10)).build());
      store.telemetry().downsample(at(T0), at(T0 + 60_000));
      store.commit(batch().telemetry("wsh-1", 2, sample(T0 + 2000, "temp", 20)).build());

      store.telemetry().downsample(at(T0), at(T0 + 60_000));

      assertThat(store.telemetry().minutes("wsh-1", "temp", at(T0), at(T0 + 60_000)))
          .containsExactly(new Aggregate("temp", at(T0), 10, 20, 15, 2));
    }

    @Test
    void retentionPurgesEachResolutionByItsOwnHorizon() {
      store.commit(batch().telemetry("wsh-1", 1, series(T0, 180, 1)).build());
      store.telemetry().downsample(at(T0), at(T0 + 180_000));

      long purged = store.telemetry().purge(at(T0 + 120_000), at(T0 + 60_000));

      // 120 raw samples, their batch (it starts before the horizon), one minute aggregate
      assertThat(purged).isEqualTo(120 + 1 + 1);
      assertThat(store.telemetry().raw("wsh-1", "c0", at(T0), at(T0 + 180_000), 1000))
          .hasSize(60)
          .first()
          .extracting(Point::ts)
          .isEqualTo(at(T0 + 120_000));
      assertThat(store.telemetry().minutes("wsh-1", "c0", at(T0), at(T0 + 180_000)))
          .extracting(Aggregate::minute)
          .containsExactly(at(T0 + 60_000), at(T0 + 120_000));
      // Downsampling a purged range again keeps the aggregates it can no longer recompute.
      store.telemetry().downsample(at(T0), at(T0 + 180_000));
      assertThat(store.telemetry().minutes("wsh-1", "c0", at(T0), at(T0 + 180_000))).hasSize(2);
      assertThat(store.telemetry().latest("wsh-1")).hasSize(1);
    }

    @Test
    void gapsAreMissingSeqsAndReportedDrops() {
      store.commit(
          batch()
              .telemetry("wsh-1", 1, sample(T0, "t", 1), sample(T0 + 900, "t", 1))
              .telemetry("wsh-1", 2, sample(T0 + 1000, "t", 1), sample(T0 + 1900, "t", 1))
              .telemetry("wsh-1", 5, sample(T0 + 5000, "t", 1), sample(T0 + 5900, "t", 1))
              .telemetry("wsh-1", 6, 12, T0 + 7000, sample(T0 + 7000, "t", 1))
              .telemetry("wsh-1", 9, 3, T0 + 9000, sample(T0 + 9000, "t", 1))
              .telemetry("wsh-2", 1, sample(T0, "t", 1))
              .telemetry("wsh-2", 3, sample(T0 + 3000, "t", 1))
              .build());

      List<Gap> gaps = store.telemetry().gaps("wsh-1", at(T0), at(T0 + 60_000));

      assertThat(gaps)
          .containsExactly(
              new Gap(3, 4, at(T0 + 1900), at(T0 + 5000), 0),
              new Gap(6, 5, at(T0 + 5900), at(T0 + 7000), 12),
              new Gap(7, 8, at(T0 + 7000), at(T0 + 9000), 3));
      assertThat(gaps).extracting(Gap::missingBatches).containsExactly(2L, 0L, 2L);
    }

    @Test
    void aGapJustBeforeTheRangeIsFoundFromTheBatchBeforeIt() {
      store.commit(
          batch()
              .telemetry("wsh-1", 1, sample(T0, "t", 1))
              .telemetry("wsh-1", 4, sample(T0 + 10_000, "t", 1))
              .telemetry("wsh-1", 5, sample(T0 + 11_000, "t", 1))
              .build());

      assertThat(store.telemetry().gaps("wsh-1", at(T0 + 5000), at(T0 + 60_000)))
          .containsExactly(new Gap(2, 3, at(T0), at(T0 + 10_000)));
      assertThat(store.telemetry().gaps("wsh-1", at(T0 + 10_500), at(T0 + 60_000))).isEmpty();
      assertThat(store.telemetry().gaps("nobody", at(T0), at(T0 + 60_000))).isEmpty();
    }
  }

  // ---- commands ----

  @Nested
  class CommandsTests {

    @BeforeEach
    void device() {
      owner("o1");
      active("wsh-1", "o1");
      active("wsh-2", "o1");
    }

    @Test
    void pendingCommandsAreQueuedUnexpiredOnesOldestFirst() {
      store.commands().enqueue(command("c2", "wsh-1", NOW.plusSeconds(1), Duration.ofMinutes(5)));
      store.commands().enqueue(command("c1", "wsh-1", NOW, Duration.ofMinutes(5)));
      store.commands().enqueue(command("short", "wsh-1", NOW, Duration.ofSeconds(10)));
      store.commands().enqueue(command("sent", "wsh-1", NOW, Duration.ofMinutes(5)));
      store.commands().enqueue(command("other", "wsh-2", NOW, Duration.ofMinutes(5)));
      store.commands().markSent("sent", NOW.plusSeconds(2));

      assertThat(store.commands().pending("wsh-1", NOW.plusSeconds(10)))
          .extracting(CommandRecord::id)
          .containsExactly("c1", "c2");
      CommandRecord sent = store.commands().find("sent").orElseThrow();
      assertThat(sent.status()).isEqualTo(Status.SENT);
      assertThat(sent.updatedAt()).isEqualTo(NOW.plusSeconds(2));
    }

    @Test
    void commandsQueuedInTheSameMillisecondStayInTheOrderTheyWereQueued() {
      // Ids are random: their order must not decide.
      store.commands().enqueue(command("z-pause", "wsh-1", NOW, Duration.ofMinutes(5)));
      store.commands().enqueue(command("m-resume", "wsh-1", NOW, Duration.ofMinutes(5)));
      store.commands().enqueue(command("a-stop", "wsh-1", NOW, Duration.ofMinutes(5)));

      assertThat(store.commands().pending("wsh-1", NOW))
          .extracting(CommandRecord::id)
          .containsExactly("z-pause", "m-resume", "a-stop");
    }

    @Test
    void aCommandIsStoredAsSent() {
      CommandRecord c = command("c1", "wsh-1", NOW, Duration.ofMinutes(5));
      store.commands().enqueue(c);

      assertThat(store.commands().find("c1")).contains(c);
      assertThat(store.commands().find("nope")).isEmpty();
    }

    @Test
    void queuedCommandsPastTheirExpiryExpire() {
      store.commands().enqueue(command("old", "wsh-1", NOW, Duration.ofSeconds(10)));
      store.commands().enqueue(command("old-sent", "wsh-1", NOW, Duration.ofSeconds(10)));
      store.commands().enqueue(command("fresh", "wsh-1", NOW, Duration.ofMinutes(10)));
      store.commands().markSent("old-sent", NOW.plusSeconds(1));

      assertThat(store.commands().expire(NOW.plusSeconds(10))).isEqualTo(1);
      assertThat(store.commands().expire(NOW.plusSeconds(10))).isZero();

      CommandRecord old = store.commands().find("old").orElseThrow();
      assertThat(old.status()).isEqualTo(Status.EXPIRED);
      assertThat(old.message()).isNotBlank();
      assertThat(old.updatedAt()).isEqualTo(NOW.plusSeconds(10));
      assertThat(store.commands().find("old-sent").orElseThrow().status()).isEqualTo(Status.SENT);
      assertThat(store.commands().find("fresh").orElseThrow().status()).isEqualTo(Status.QUEUED);
    }

    @Test
    void aCommandCompletesOnce() {
      store.commands().enqueue(command("c1", "wsh-1", NOW, Duration.ofMinutes(5)));

      store.commands().complete("c1", Status.REFUSED, "door open", NOW.plusSeconds(3));
      store.commands().complete("c1", Status.OK, "late", NOW.plusSeconds(4));

      CommandRecord c = store.commands().find("c1").orElseThrow();
      assertThat(c.status()).isEqualTo(Status.REFUSED);
      assertThat(c.message()).isEqualTo("door open");
      assertThat(c.updatedAt()).isEqualTo(NOW.plusSeconds(3));
    }

    @Test
    void aDevicesCommandsComeNewestFirstAcrossPages() {
      for (int i = 0; i < 5; i++) {
        store
            .commands()
            .enqueue(command("c" + i, "wsh-1", NOW.plusSeconds(i / 2), Duration.ofMinutes(5)));
      }
      store.commands().enqueue(command("x", "wsh-2", NOW, Duration.ofMinutes(5)));

      List<CommandRecord> all = allPages(p -> store.commands().of("wsh-1", p), 2);

      assertThat(all).extracting(CommandRecord::id).containsExactly("c4", "c3", "c2", "c1", "c0");
    }
  }

  // ---- alerts ----

  @Nested
  class AlertsTests {

    @BeforeEach
    void devices() {
      owner("o1");
      owner("o2");
      active("wsh-1", "o1");
      active("wsh-2", "o1");
      active("mw-1", "o2");
    }

    @Test
    void anAlertIsOpenOncePerDeviceAndRule() {
      Alert first = store.alerts().open(alert("wsh-1", "leak", NOW));
      Alert second = store.alerts().open(alert("wsh-1", "leak", NOW.plusSeconds(5)));
      Alert otherRule = store.alerts().open(alert("wsh-1", "door-open-too-long", NOW));

      assertThat(first.id()).isNotBlank();
      assertThat(first.clearedAt()).isNull();
      assertThat(second).isEqualTo(first);
      assertThat(otherRule.id()).isNotEqualTo(first.id());
      assertThat(store.alerts().of("wsh-1", true, PageRequest.first(10)).items()).hasSize(2);
    }

    @Test
    void aClearedAlertMayOpenAgainAsANewOne() {
      Alert first = store.alerts().open(alert("wsh-1", "leak", NOW));

      Alert cleared = store.alerts().clear("wsh-1", "leak", NOW.plusSeconds(60)).orElseThrow();
      assertThat(store.alerts().clear("wsh-1", "leak", NOW.plusSeconds(61))).isEmpty();
      assertThat(store.alerts().clear("wsh-1", "never", NOW)).isEmpty();
      Alert again = store.alerts().open(alert("wsh-1", "leak", NOW.plusSeconds(120)));

      assertThat(cleared.id()).isEqualTo(first.id());
      assertThat(cleared.clearedAt()).isEqualTo(NOW.plusSeconds(60));
      assertThat(again.id()).isNotEqualTo(first.id());
      assertThat(store.alerts().of("wsh-1", false, PageRequest.first(10)).items())
          .extracting(Alert::id, Alert::clearedAt)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(again.id(), null),
              org.assertj.core.groups.Tuple.tuple(first.id(), NOW.plusSeconds(60)));
      assertThat(store.alerts().of("wsh-1", true, PageRequest.first(10)).items())
          .extracting(Alert::id)
          .containsExactly(again.id());
    }

    @Test
    void anOwnerSeesTheAlertsOfTheirDevicesOnlyNewestFirstAcrossPages() {
      for (int i = 0; i < 4; i++) {
        store.alerts().open(alert("wsh-1", "rule-" + i, NOW.plusSeconds(i)));
        store.alerts().open(alert("wsh-2", "rule-" + i, NOW.plusSeconds(i)));
      }
      store.alerts().open(alert("mw-1", "overheating", NOW.plusSeconds(100)));
      store.alerts().clear("wsh-2", "rule-3", NOW.plusSeconds(200));

      List<Alert> all = allPages(p -> store.alerts().ofOwner("o1", false, p), 3);
      List<Alert> open = allPages(p -> store.alerts().ofOwner("o1", true, p), 3);

      assertThat(all).hasSize(8).extracting(Alert::deviceId).doesNotContain("mw-1");
      assertThat(all)
          .extracting(Alert::raisedAt)
          .isSortedAccordingTo(java.util.Comparator.reverseOrder());
      assertThat(open).hasSize(7);
      assertThat(store.alerts().ofOwner("o2", true, PageRequest.first(10)).items())
          .extracting(Alert::rule)
          .containsExactly("overheating");
    }
  }
}
