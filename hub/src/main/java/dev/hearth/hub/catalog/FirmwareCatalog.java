package dev.hearth.hub.catalog;

import dev.hearth.hub.catalog.store.Catalog;
import dev.hearth.hub.registry.ProfileLookup;
import java.time.Clock;
import java.util.Objects;

/**
 * The firmware catalog's services, built once per hub: signing keys of accounts, the trusted root,
 * artifacts and their uploads, submitted revisions with their simulations, reviews, releases, and
 * what owners may install. Holds no private key of anyone.
 *
 * <pre>{@code
 * FirmwareCatalog catalog = FirmwareCatalog.open(store.catalog(), CatalogConfig.builder(dataDir).build(),
 *     Files.readAllBytes(rootFile), ProfileLookup.shipped(), offers, clock);
 * }</pre>
 */
public final class FirmwareCatalog implements AutoCloseable {

  private final CatalogConfig config;
  private final AccountKeys keys;
  private final TrustRoots roots;
  private final ArtifactStore artifacts;
  private final Uploads uploads;
  private final Simulations simulations;
  private final Submissions submissions;
  private final Revisions revisions;
  private final Reviews reviews;
  private final Releases releases;
  private final DeviceFirmware devices;

  private FirmwareCatalog(
      Catalog store,
      CatalogConfig config,
      byte[] initialRoot,
      ProfileLookup profiles,
      OfferSender offers,
      Clock clock) {
    this.config = config;
    this.keys = new AccountKeys(store.keys(), clock);
    this.roots = TrustRoots.open(store.roots(), initialRoot, clock);
    this.artifacts = new ArtifactStore(config.artifactDir());
    this.uploads =
        new Uploads(
            store.uploads(), artifacts, config.uploadDir(), config.maxArtifactBytes(), clock);
    this.simulations =
        new Simulations(
            store.revisions(),
            artifacts,
            profiles,
            config.simulation(),
            config.simulationThreads());
    this.submissions =
        new Submissions(store.revisions(), keys, roots, artifacts, profiles, simulations, clock);
    this.revisions =
        new Revisions(store.revisions(), roots, artifacts, clock, config.maxListSize());
    this.reviews = new Reviews(store.revisions(), keys, roots, clock);
    this.releases = new Releases(store.revisions(), roots, clock);
    this.devices = new DeviceFirmware(store.revisions(), revisions, offers);
  }

  /**
   * Opens the catalog and resumes simulations a stopped hub left unfinished.
   *
   * @param store the catalog's tables in the hub's store
   * @param config where artifacts live and the limits
   * @param initialRoot the configured root envelope: trusted when the store has no root yet
   * @param profiles the hardware profiles the hub knows
   * @param offers where one-off installs go; {@link OfferSender#UNAVAILABLE} until wired
   * @param clock decides expiry
   */
  public static FirmwareCatalog open(
      Catalog store,
      CatalogConfig config,
      byte[] initialRoot,
      ProfileLookup profiles,
      OfferSender offers,
      Clock clock) {
    FirmwareCatalog catalog =
        new FirmwareCatalog(
            Objects.requireNonNull(store, "store"),
            Objects.requireNonNull(config, "config"),
            Objects.requireNonNull(initialRoot, "initialRoot"),
            Objects.requireNonNull(profiles, "profiles"),
            Objects.requireNonNull(offers, "offers"),
            Objects.requireNonNull(clock, "clock"));
    catalog.simulations.resumePending(config.maxListSize());
    return catalog;
  }

  public CatalogConfig config() {
    return config;
  }

  public AccountKeys keys() {
    return keys;
  }

  /** The trusted root; also the {@link CurrentRoot} enrollment hands out. */
  public TrustRoots roots() {
    return roots;
  }

  public ArtifactStore artifacts() {
    return artifacts;
  }

  public Uploads uploads() {
    return uploads;
  }

  public Submissions submissions() {
    return submissions;
  }

  public Revisions revisions() {
    return revisions;
  }

  public Reviews reviews() {
    return reviews;
  }

  public Releases releases() {
    return releases;
  }

  public DeviceFirmware devices() {
    return devices;
  }

  /** Stops the simulator threads; unfinished simulations run again at the next start. */
  @Override
  public void close() {
    simulations.close();
  }
}
