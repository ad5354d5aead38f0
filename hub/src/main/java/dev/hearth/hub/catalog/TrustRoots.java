package dev.hearth.hub.catalog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.hub.catalog.store.CatalogRoots;
import dev.hearth.hub.catalog.store.StoredRoot;
import dev.hearth.specs.canonical.Parsed;
import dev.hearth.specs.trust.EnvelopeCodec;
import dev.hearth.specs.trust.RootCodec;
import dev.hearth.specs.trust.RootMetadata;
import dev.hearth.specs.trust.SignedEnvelope;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The root metadata the hub trusts, kept in the store: the configured root file seeds it, an admin
 * moves it forward with roots signed offline ({@code hearth root init/sign}), each checked to
 * follow the one before. The hub never signs a root and holds no root key.
 */
public final class TrustRoots implements CurrentRoot {

  private static final Logger LOG = LoggerFactory.getLogger(TrustRoots.class);

  private final CatalogRoots roots;
  private final RootRotation rotation;
  private final Clock clock;
  private volatile TrustedRoot cached;

  private TrustRoots(CatalogRoots roots, Clock clock) {
    this.roots = roots;
    this.rotation = new RootRotation(clock);
    this.clock = clock;
  }

  /**
   * The trusted roots in {@code roots}, seeded with {@code initial} when the store has none yet.
   * Once the store has a root, the file is no longer read: roots move forward only by upload.
   *
   * @param initial the configured root envelope (the file devices were pinned to so far)
   * @throws IllegalArgumentException when {@code initial} is needed and is not a root envelope
   */
  public static TrustRoots open(CatalogRoots roots, byte[] initial, Clock clock) {
    TrustRoots trust = new TrustRoots(roots, clock);
    if (roots.newest().isEmpty()) {
      TrustedRoot seed = parse(initial, "the configured root file");
      roots.add(
          new StoredRoot(
              seed.version(),
              new String(initial, StandardCharsets.UTF_8),
              seed.metadata().expires(),
              null,
              clock.instant()));
      LOG.info("catalog: trusting the configured root v{}", seed.version());
    }
    return trust;
  }

  /** The newest trusted root. */
  public TrustedRoot current() {
    StoredRoot newest =
        roots.newest().orElseThrow(() -> new IllegalStateException("the catalog has no root"));
    TrustedRoot known = cached;
    if (known != null && known.version() == newest.version()) {
      return known;
    }
    TrustedRoot parsed =
        parse(
            newest.envelope().getBytes(StandardCharsets.UTF_8), "stored root v" + newest.version());
    cached = parsed;
    return parsed;
  }

  @Override
  public ObjectNode envelope() {
    return EnvelopeCodec.toJson(current().envelope());
  }

  /**
   * Trusts {@code document} from now on, if it follows the current root.
   *
   * @param adminId the account uploading it
   * @return the new current root
   * @throws CatalogException when it is not root metadata, does not follow, has expired, or another
   *     admin moved the root first
   */
  public TrustedRoot upload(byte[] document, String adminId) {
    TrustedRoot current = current();
    TrustedRoot next = rotation.follow(current, document);
    boolean stored =
        roots.add(
            new StoredRoot(
                next.version(),
                new String(document, StandardCharsets.UTF_8),
                next.metadata().expires(),
                adminId,
                clock.instant()));
    if (!stored) {
      throw CatalogException.conflict(
          "root v" + next.version() + " was stored by someone else meanwhile; read it and retry");
    }
    LOG.info("catalog: root v{} uploaded by {} is trusted now", next.version(), adminId);
    return next;
  }

  private static TrustedRoot parse(byte[] document, String what) {
    Parsed<SignedEnvelope> envelope = EnvelopeCodec.parse(document);
    Parsed<RootMetadata> metadata =
        envelope.flatMap(e -> RootCodec.read(e.signed()).under("/signed"));
    if (metadata instanceof Parsed.Invalid<RootMetadata> invalid) {
      throw new IllegalArgumentException(what + " is not root metadata: " + invalid.message());
    }
    return new TrustedRoot(document, envelope.orElseThrow(), metadata.orElseThrow());
  }
}
