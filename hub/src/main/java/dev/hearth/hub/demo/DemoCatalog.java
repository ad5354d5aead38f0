package dev.hearth.hub.demo;

import dev.hearth.agent.AgentVersion;
import dev.hearth.hardware.profile.Profile;
import dev.hearth.hardware.profile.ShippedProfiles;
import dev.hearth.hub.catalog.FirmwareCatalog;
import dev.hearth.hub.catalog.UploadState;
import dev.hearth.hub.catalog.Uploads;
import dev.hearth.hub.catalog.store.RevisionRecord;
import dev.hearth.hub.catalog.store.RevisionStatus;
import dev.hearth.hub.registry.OwnerAccounts;
import dev.hearth.hub.store.Owner;
import dev.hearth.specs.canonical.StrictJson;
import dev.hearth.specs.manifest.Artifact;
import dev.hearth.specs.manifest.Manifest;
import dev.hearth.specs.manifest.ManifestKind;
import dev.hearth.specs.manifest.Sha256;
import dev.hearth.specs.program.BundleFiles;
import dev.hearth.specs.program.ShippedBundles;
import dev.hearth.specs.trust.EnvelopeCodec;
import dev.hearth.specs.trust.KeyFiles;
import dev.hearth.specs.trust.KeySignature;
import dev.hearth.specs.trust.SignedEnvelope;
import dev.hearth.specs.trust.Signer;
import dev.hearth.specs.trust.SigningKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the demo something to install: on the first run, the demo contributor publishes version
 * {@value #VERSION} of each shipped program bundle, the demo's two maintainers approve it with
 * their keys (from {@link DemoRoot}) and release it to {@code stable}, through the catalog as a
 * real community would (upload, validation in the simulator, quorum). It runs in the background:
 * the hub and the appliances are up at once, the release appears a little later.
 */
final class DemoCatalog {

  static final String VERSION = "1.0.1";
  static final String MAINTAINER_EMAIL = "maintainer@hearth.local";

  private static final Logger LOG = LoggerFactory.getLogger(DemoCatalog.class);
  private static final Duration VALIDATION_WAIT = Duration.ofMinutes(10);

  private final FirmwareCatalog catalog;
  private final OwnerAccounts accounts;
  private final Path keys;
  private final Clock clock;

  DemoCatalog(FirmwareCatalog catalog, OwnerAccounts accounts, Path dataDir, Clock clock) {
    this.catalog = catalog;
    this.accounts = accounts;
    this.keys = DemoRoot.keysDir(dataDir);
    this.clock = clock;
  }

  /**
   * The demo maintainer's account (created when missing), with {@code password} set; it holds both
   * demo maintainer keys, so it can approve and roll out on its own.
   */
  String maintainer(char[] password) {
    return DemoAccounts.ensure(
        accounts, MAINTAINER_EMAIL, "Demo maintainer", password, Owner.Role.MAINTAINER);
  }

  /** Publishes the demo releases on a thread of its own; what fails is logged, never thrown. */
  void seedInBackground(String maintainerId) {
    Thread t =
        new Thread(
            () -> {
              try {
                seed(maintainerId);
              } catch (RuntimeException e) {
                LOG.warn("demo releases were not published: {}", e.toString());
              }
            },
            "hearth-demo-catalog");
    t.setDaemon(true);
    t.start();
  }

  void seed(String maintainerId) {
    String contributorId =
        DemoAccounts.ensure(
            accounts, "contributor@hearth.local", "Demo contributor", secret(), Owner.Role.OWNER);
    SigningKey contributor = key("contributor");
    SigningKey alice = key("maintainer-alice");
    SigningKey bob = key("maintainer-bob");
    register(contributorId, contributor, "contributor");
    register(maintainerId, alice, "alice");
    register(maintainerId, bob, "bob");
    for (Profile profile : ShippedProfiles.all()) {
      String name = ShippedBundles.load(profile).name();
      if (catalog.revisions().find(name, ManifestKind.PROGRAM.jsonName(), VERSION).isPresent()) {
        continue;
      }
      publish(profile, name, contributorId, contributor, maintainerId, alice, bob);
    }
  }

  private void publish(
      Profile profile,
      String name,
      String contributorId,
      SigningKey contributor,
      String maintainerId,
      SigningKey... maintainers) {
    byte[] zip = bundle(profile).toZip();
    String sha256 = Sha256.hex(zip);
    upload(contributorId, zip, sha256);
    Manifest manifest =
        Manifest.builder()
            .name(name)
            .kind(ManifestKind.PROGRAM)
            .version(VERSION)
            .profiles(profile.ref())
            .minAgentVersion(AgentVersion.current())
            .artifact(new Artifact(sha256, zip.length, "application/zip"))
            .changelog(
                "Demo release: the shipped programs, published, reviewed and released through"
                    + " the catalog. Install it from an appliance's page or roll it out.")
            .author(contributor.keyid())
            .created(clock.instant())
            .expires(clock.instant().plus(Duration.ofDays(180)))
            .build();
    SignedEnvelope authored = new Signer(contributor).sign(manifest);
    RevisionRecord revision =
        catalog
            .submissions()
            .submit(contributorId, EnvelopeCodec.toJson(authored), Optional.of(sha256))
            .revision();
    awaitValidation(revision.id());
    for (SigningKey maintainer : maintainers) {
      catalog.reviews().approve(maintainerId, revision.id(), signature(revision.id(), maintainer));
    }
    catalog.releases().release(maintainerId, revision.id(), "stable");
    LOG.info("demo release {} {} is out on the stable channel", name, VERSION);
  }

  private KeySignature signature(String revisionId, SigningKey key) {
    String stored = catalog.revisions().detail(revisionId).revision().envelope();
    SignedEnvelope current =
        EnvelopeCodec.parse(stored.getBytes(StandardCharsets.UTF_8)).orElseThrow();
    return new Signer(key)
        .addSignature(current).signatures().stream()
            .filter(s -> s.keyid().equals(key.keyid()))
            .findFirst()
            .orElseThrow();
  }

  private void awaitValidation(String revisionId) {
    long deadline = System.nanoTime() + VALIDATION_WAIT.toNanos();
    while (catalog.revisions().detail(revisionId).revision().status()
        == RevisionStatus.VALIDATING) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(revisionId + " is still being simulated");
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
  }

  private void upload(String ownerId, byte[] bytes, String sha256) {
    Uploads uploads = catalog.uploads();
    UploadState state = uploads.open(ownerId, sha256, bytes.length);
    if (state.complete()) {
      return;
    }
    Uploads.Transfer transfer = uploads.begin(ownerId, state.id(), 0);
    try {
      Files.write(transfer.partFile(), bytes);
    } catch (IOException e) {
      uploads.abandon(transfer);
      throw new UncheckedIOException(e);
    }
    uploads.finish(transfer);
  }

  private static BundleFiles bundle(Profile profile) {
    BundleFiles shipped = ShippedBundles.files(profile);
    Map<String, String> files = new HashMap<>(shipped.files());
    files.put(
        BundleFiles.DESCRIPTOR,
        files.get(BundleFiles.DESCRIPTOR).replaceFirst("(?m)^version: .*$", "version: " + VERSION));
    return new BundleFiles(files);
  }

  private void register(String ownerId, SigningKey key, String holder) {
    boolean registered =
        catalog.keys().ownedBy(ownerId).stream().anyMatch(k -> k.keyid().equals(key.keyid()));
    if (!registered) {
      catalog.keys().register(ownerId, StrictJson.write(KeyFiles.toJson(key.publicKey(holder))));
    }
  }

  private SigningKey key(String name) {
    try {
      return KeyFiles.readPrivate(keys.resolve(name + ".key")).orElseThrow();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the demo key " + name, e);
    }
  }

  private static char[] secret() {
    return java.util.UUID.randomUUID().toString().toCharArray();
  }
}
