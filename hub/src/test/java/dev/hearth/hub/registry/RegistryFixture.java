package dev.hearth.hub.registry;

import dev.hearth.hardware.profile.ProfileRef;
import dev.hearth.hardware.time.SimulatedClock;
import dev.hearth.hub.catalog.CatalogConfig;
import dev.hearth.hub.catalog.FirmwareCatalog;
import dev.hearth.hub.catalog.OfferSender;
import dev.hearth.hub.store.Device;
import dev.hearth.hub.store.HubStore;
import dev.hearth.hub.store.Owner;
import dev.hearth.hub.store.jdbc.JdbcHubStore;
import dev.hearth.hub.store.jdbc.StoreConfig;
import dev.hearth.specs.enrollment.ClaimCode;
import dev.hearth.specs.trust.EnvelopeCodec;
import dev.hearth.specs.trust.RootMetadata;
import dev.hearth.specs.trust.SignedEnvelope;
import dev.hearth.specs.trust.Signer;
import dev.hearth.specs.trust.SigningKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The registry on the real store (a private in-memory H2 database), a freshly signed root file and
 * a device key file in a temporary directory, and a simulated clock. Helpers make owners and
 * devices the way the hub does: through the registry's own services.
 */
public final class RegistryFixture implements AutoCloseable {

  /** A round start time. */
  public static final Instant START = Instant.parse("2030-03-04T09:00:00Z");

  public static final String WASHER = "open-washer@1";
  public static final String MICROWAVE = "open-microwave@1";
  public static final String PASSWORD = "correct horse battery";

  public final SimulatedClock clock = new SimulatedClock(START);
  public final Path dir;
  public final Path rootFile;
  public final SignedEnvelope root;
  public final HubStore store;
  public final RegistryConfig config;
  public final Registry registry;
  private final AtomicInteger boards = new AtomicInteger();

  private RegistryFixture(Consumer<RegistryConfig.Builder> tweaks) {
    try {
      dir = Files.createTempDirectory("hearth-registry-");
      rootFile = dir.resolve("root.json");
      root = signedRoot();
      Files.write(rootFile, EnvelopeCodec.write(root));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    var builder =
        RegistryConfig.builder()
            .mqttUri(URI.create("ssl://hub.test:8883"))
            .coapUri(URI.create("coaps://hub.test:5684"))
            .rootFile(rootFile)
            .deviceKeyFile(dir.resolve("keys/device.key"))
            // OWASP's Argon2 cost is for production; tests log in often on a shared machine.
            .argon2(new Argon2Params(256, 1, 1));
    tweaks.accept(builder);
    config = builder.build();
    store = JdbcHubStore.open(StoreConfig.h2Memory("registry-" + UUID.randomUUID()), clock);
    registry = Registry.create(store, config, clock);
  }

  public static RegistryFixture create() {
    return new RegistryFixture(b -> {});
  }

  public static RegistryFixture create(Consumer<RegistryConfig.Builder> tweaks) {
    return new RegistryFixture(tweaks);
  }

  private static SignedEnvelope signedRoot() {
    SigningKey rootKey = SigningKey.generate();
    SigningKey hubKey = SigningKey.generate();
    RootMetadata metadata =
        RootMetadata.builder()
            .version(1)
            .expires(Instant.parse("2031-01-01T00:00:00Z"))
            .keys(rootKey.publicKey("root"), hubKey.publicKey("hub"))
            .root(dev.hearth.specs.trust.Role.of(1, rootKey.keyid()))
            .hub(dev.hearth.specs.trust.Role.of(1, hubKey.keyid()))
            .contributors(rootKey.keyid())
            .profile(ProfileRef.parse(WASHER), dev.hearth.specs.trust.Role.of(1, rootKey.keyid()))
            .build();
    return new Signer(rootKey).sign(metadata);
  }

  /** An owner with {@link #PASSWORD}. */
  public Owner owner(String email) {
    AccountOutcome outcome =
        registry
            .accounts()
            .create(
                new NewAccount(email, "Owner " + email, PASSWORD.toCharArray(), Set.of(), null));
    if (outcome instanceof AccountOutcome.Created created) {
      return created.owner();
    }
    throw new IllegalStateException("could not create " + email + ": " + outcome);
  }

  /** A request from a new board. */
  public EnrollmentRequest request(ClaimCode code, String profile) {
    return new EnrollmentRequest(
        code, "board-" + boards.incrementAndGet(), ProfileRef.parse(profile), "1.2.0");
  }

  /** A device enrolled to {@code ownerId} with a code they issued. */
  public EnrollmentOutcome.Enrolled enrolled(String ownerId, String profile) {
    ClaimCode code = registry.claims().issueCode(ownerId).code();
    EnrollmentOutcome outcome =
        registry.enrollment().enroll(request(code, profile), "10.0.0." + boards.get());
    if (outcome instanceof EnrollmentOutcome.Enrolled enrolled) {
      return enrolled;
    }
    throw new IllegalStateException("not enrolled: " + outcome);
  }

  /**
   * The firmware catalog as the hub has it, on this store and root, its files under {@link #dir}.
   * The caller closes it.
   */
  public FirmwareCatalog openCatalog() {
    return FirmwareCatalog.open(
        store.catalog(),
        CatalogConfig.builder(dir.resolve("catalog")).build(),
        EnvelopeCodec.write(root),
        ProfileLookup.shipped(),
        OfferSender.UNAVAILABLE,
        clock);
  }

  /** An active device of {@code ownerId}. */
  public Device device(String ownerId, String profile) {
    return store.devices().find(enrolled(ownerId, profile).deviceId()).orElseThrow();
  }

  @Override
  public void close() {
    store.close();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
