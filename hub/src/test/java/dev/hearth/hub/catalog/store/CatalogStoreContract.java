package dev.hearth.hub.catalog.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.hub.store.HubStore;
import dev.hearth.hub.store.Owner;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every store's {@link Catalog} must do, run against H2 and PostgreSQL by subclasses that open
 * a fresh, empty store (one per class: ids below are unique per test, so tests share it).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class CatalogStoreContract {

  protected static final Instant NOW = Instant.parse("2030-03-04T10:00:00Z");

  private HubStore store;
  private Catalog catalog;

  /** Opens the implementation under test on an empty schema. */
  protected abstract HubStore openStore(Clock clock);

  /** Drops what {@link #openStore} made, after the class. */
  protected void dispose() {}

  @BeforeAll
  void open() {
    store = openStore(Clock.fixed(NOW, ZoneOffset.UTC));
    catalog = store.catalog();
  }

  @AfterAll
  void close() {
    if (store != null) {
      store.close();
    }
    dispose();
  }

  @Test
  void aKeyBelongsToOneAccount() {
    String alice = owner();
    String bob = owner();
    String keyid = hex();
    RegisteredKey key = new RegisteredKey(keyid, alice, "pub", "alice", NOW);

    assertThat(catalog.keys().add(key)).isTrue();
    assertThat(catalog.keys().add(new RegisteredKey(keyid, bob, "pub", "bob", NOW))).isFalse();

    assertThat(catalog.keys().find(keyid)).hasValue(key);
    assertThat(catalog.keys().ownedBy(alice)).containsExactly(key);
    assertThat(catalog.keys().ownedBy(bob)).isEmpty();
  }

  @Test
  void rootsAreKeptByVersionAndTheNewestWins() {
    int base = (int) (System.nanoTime() % 100_000) * 10 + 1_000_000;
    StoredRoot first = new StoredRoot(base, "{\"v\":1}", NOW.plusSeconds(60), null, NOW);
    StoredRoot second = new StoredRoot(base + 1, "{\"v\":2}", NOW.plusSeconds(60), "admin", NOW);

    assertThat(catalog.roots().add(first)).isTrue();
    assertThat(catalog.roots().add(second)).isTrue();
    assertThat(catalog.roots().add(second)).isFalse();

    assertThat(catalog.roots().find(base)).hasValue(first);
    assertThat(catalog.roots().newest().orElseThrow().version()).isGreaterThanOrEqualTo(base + 1);
  }

  @Test
  void anAccountHasOneOpenUploadPerArtifact() {
    String alice = owner();
    String sha = hex();
    UploadRecord first =
        catalog.uploads().openOrReuse(new UploadRecord(id("upl"), alice, sha, 10, NOW));
    UploadRecord again =
        catalog.uploads().openOrReuse(new UploadRecord(id("upl"), alice, sha, 10, NOW));
    UploadRecord other =
        catalog.uploads().openOrReuse(new UploadRecord(id("upl"), owner(), sha, 10, NOW));

    assertThat(again).isEqualTo(first);
    assertThat(other.id()).isNotEqualTo(first.id());
    assertThat(catalog.uploads().find(first.id())).hasValue(first);

    catalog.uploads().delete(first.id());
    assertThat(catalog.uploads().find(first.id())).isEmpty();
  }

  @Test
  void aRevisionIsStoredOncePerNameKindAndVersionWithItsAuthor() {
    RevisionRecord revision = revision("washer-" + suffix(), "1.0.0", "open-washer@1");

    assertThat(catalog.revisions().insert(revision, author(revision))).isTrue();
    RevisionRecord clash = revision(revision.name(), "1.0.0", "open-washer@1");
    assertThat(catalog.revisions().insert(clash, author(clash))).isFalse();

    assertThat(catalog.revisions().find(revision.id())).hasValue(revision);
    assertThat(catalog.revisions().find(revision.name(), "program", "1.0.0")).hasValue(revision);
    assertThat(catalog.revisions().signatures(revision.id()))
        .extracting(SignatureRecord::role)
        .containsExactly("author");
    assertThat(catalog.revisions().line(revision.name(), "program")).containsExactly(revision);
  }

  @Test
  void revisionsAreListedNewestFirstByProfileAndStatus() {
    String profile = "test-" + suffix() + "@1";
    RevisionRecord a = revision("line-" + suffix(), "1.0.0", profile);
    RevisionRecord b = revision("line-" + suffix(), "1.0.0", profile, "open-washer@1");
    catalog.revisions().insert(a, author(a));
    catalog.revisions().insert(b, author(b));
    catalog.revisions().changeStatus(b.id(), RevisionStatus.VALIDATING, RevisionStatus.VALIDATED);

    List<RevisionRecord> forProfile =
        catalog.revisions().list(Optional.of(profile), Optional.empty(), 10);
    assertThat(forProfile).extracting(RevisionRecord::id).containsExactlyInAnyOrder(a.id(), b.id());
    assertThat(
            catalog
                .revisions()
                .list(Optional.of(profile), Optional.of(RevisionStatus.VALIDATED), 10))
        .extracting(RevisionRecord::id)
        .containsExactly(b.id());
    assertThat(catalog.revisions().find(b.id()).orElseThrow().profiles())
        .containsExactlyInAnyOrder(profile, "open-washer@1");
    assertThat(catalog.revisions().list(Optional.of(profile), Optional.empty(), 1)).hasSize(1);
  }

  @Test
  void anEnvelopeChangesOnlyWhenItIsStillTheOneTheCallerRead() {
    RevisionRecord r = revision("sig-" + suffix(), "1.0.0", "open-washer@1");
    catalog.revisions().insert(r, author(r));
    SignatureRecord bob = new SignatureRecord(r.id(), hex(), owner(), "approval", NOW);

    assertThat(
            catalog
                .revisions()
                .updateEnvelope(r.id(), 0, "{\"v\":2}", RevisionStatus.VALIDATING, bob))
        .isTrue();
    assertThat(
            catalog
                .revisions()
                .updateEnvelope(
                    r.id(),
                    0,
                    "{\"v\":3}",
                    RevisionStatus.APPROVED,
                    new SignatureRecord(r.id(), hex(), owner(), "approval", NOW)))
        .isFalse();

    RevisionRecord now = catalog.revisions().find(r.id()).orElseThrow();
    assertThat(now.envelope()).isEqualTo("{\"v\":2}");
    assertThat(now.envelopeRevision()).isEqualTo(1);
    assertThat(catalog.revisions().signatures(r.id())).hasSize(2);
  }

  @Test
  void reportsCompleteTheValidationInOneStep() {
    RevisionRecord r = revision("sim-" + suffix(), "1.0.0", "open-washer@1");
    catalog.revisions().insert(r, author(r));
    List<ReportRecord> reports =
        List.of(
            new ReportRecord(r.id(), 0, "open-washer@1", "quick-30", null, true, "{\"a\":1}"),
            new ReportRecord(r.id(), 1, "open-washer@1", "quick-30", "leak", false, "{\"b\":2}"));

    catalog.revisions().completeValidation(r.id(), reports);

    assertThat(catalog.revisions().reports(r.id())).containsExactlyElementsOf(reports);
    assertThat(catalog.revisions().find(r.id()).orElseThrow().status())
        .isEqualTo(RevisionStatus.VALIDATED);
  }

  @Test
  void aReleaseIsRecordedOncePerChannelAndFoundByProfileAndChannel() {
    String profile = "rel-" + suffix() + "@1";
    RevisionRecord r = revision("rel-" + suffix(), "1.0.0", profile);
    catalog.revisions().insert(r, author(r));

    assertThat(catalog.revisions().release(new ReleaseRecord(r.id(), "beta", "bob", NOW))).isTrue();
    assertThat(catalog.revisions().release(new ReleaseRecord(r.id(), "beta", "carol", NOW)))
        .isFalse();

    assertThat(catalog.revisions().releases(r.id()))
        .containsExactly(new ReleaseRecord(r.id(), "beta", "bob", NOW));
    assertThat(catalog.revisions().find(r.id()).orElseThrow().status())
        .isEqualTo(RevisionStatus.RELEASED);
    assertThat(catalog.revisions().released(profile, List.of("beta", "stable")))
        .extracting(RevisionRecord::id)
        .containsExactly(r.id());
    assertThat(catalog.revisions().released(profile, List.of("stable"))).isEmpty();
  }

  private RevisionRecord revision(String name, String version, String... profiles) {
    return new RevisionRecord(
        id("rev"),
        name,
        "program",
        version,
        List.of(profiles),
        RevisionStatus.VALIDATING,
        "{\"signed\":{}}",
        0,
        hex(),
        1234,
        "changes",
        hex(),
        "alice",
        NOW);
  }

  private static SignatureRecord author(RevisionRecord r) {
    return new SignatureRecord(r.id(), r.authorKeyid(), r.submittedBy(), "author", NOW);
  }

  private String owner() {
    String id = id("own");
    store
        .owners()
        .create(new Owner(id, id + "@example.test", id, "hash", Set.of(), "UTC", NOW))
        .orElseThrow();
    return id;
  }

  private static String id(String prefix) {
    return prefix + "-" + suffix();
  }

  private static String suffix() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  private static String hex() {
    return (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
  }
}
