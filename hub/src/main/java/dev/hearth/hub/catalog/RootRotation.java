package dev.hearth.hub.catalog;

import dev.hearth.hardware.profile.ProfileRef;
import dev.hearth.specs.canonical.Parsed;
import dev.hearth.specs.manifest.Artifact;
import dev.hearth.specs.manifest.Manifest;
import dev.hearth.specs.manifest.ManifestKind;
import dev.hearth.specs.trust.DeviceState;
import dev.hearth.specs.trust.EnvelopeCodec;
import dev.hearth.specs.trust.Reason;
import dev.hearth.specs.trust.RootCodec;
import dev.hearth.specs.trust.RootMetadata;
import dev.hearth.specs.trust.SignedEnvelope;
import dev.hearth.specs.trust.Signer;
import dev.hearth.specs.trust.SigningKey;
import dev.hearth.specs.trust.TrustVerifier;
import dev.hearth.specs.trust.Verification;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.semver4j.Semver;

/**
 * Decides whether new root metadata may replace the trusted one, by the same rules a device applies
 * (SPEC chapter 1, §6): version exactly one more, every signature by a key of either root valid,
 * the old root's threshold handing over and the new root's accepting.
 *
 * <p>The rules are the {@link TrustVerifier}'s own: the chain is followed by the verifier itself,
 * given the candidate as a newer root and a throwaway probe manifest. The verifier checks the chain
 * before it looks at any manifest signature, so its verdict on the probe says only whether the
 * chain held. (The library exposes no chain check of its own; this keeps one implementation of the
 * rules.)
 */
final class RootRotation {

  private static final ProfileRef PROBE_PROFILE = ProfileRef.parse("root-probe@1");

  private final Clock clock;
  private final TrustVerifier verifier;
  private final byte[] probe;

  RootRotation(Clock clock) {
    this.clock = clock;
    this.verifier = new TrustVerifier(clock);
    this.probe = probeManifest();
  }

  /**
   * The candidate as a trusted root, if it follows {@code current}.
   *
   * @throws CatalogException {@code INVALID} when it is not root metadata, {@code
   *     BROKEN_ROOT_CHAIN} when it does not follow, {@code CONFLICT} when it has already expired
   */
  TrustedRoot follow(TrustedRoot current, byte[] candidate) {
    Parsed<SignedEnvelope> envelope = EnvelopeCodec.parse(candidate);
    if (envelope instanceof Parsed.Invalid<SignedEnvelope> invalid) {
      throw CatalogException.invalid(invalid.field(), invalid.problem());
    }
    Parsed<RootMetadata> metadata =
        envelope.flatMap(e -> RootCodec.read(e.signed()).under("/signed"));
    if (metadata instanceof Parsed.Invalid<RootMetadata> invalid) {
      throw CatalogException.invalid(invalid.field(), invalid.problem());
    }
    RootMetadata next = metadata.orElseThrow();
    if (next.version() <= current.version()) {
      throw CatalogException.conflict(
          "root v"
              + next.version()
              + " is not newer than the trusted root v"
              + current.version()
              + "; upload v"
              + (current.version() + 1));
    }
    Verification verification =
        verifier.verify(
            current.document(),
            List.of(candidate),
            probe,
            DeviceState.fresh(PROBE_PROFILE, new Semver("0.0.0")));
    if (verification.reason() == Reason.BROKEN_ROOT_CHAIN
        || verification.reason() == Reason.MALFORMED) {
      throw new CatalogException(
          CatalogException.Kind.BROKEN_ROOT_CHAIN,
          verification.reason() + ": " + verification.verdict().detail());
    }
    if (!clock.instant().isBefore(next.expires())) {
      throw CatalogException.conflict(
          "root v" + next.version() + " expired at " + next.expires() + "; sign a fresh one");
    }
    return new TrustedRoot(candidate, envelope.orElseThrow(), next);
  }

  /** A manifest signed by a key no root names: it can only ever be refused as UNKNOWN_KEY. */
  private static byte[] probeManifest() {
    SigningKey key = SigningKey.generate();
    Manifest manifest =
        Manifest.builder()
            .name("root-probe")
            .kind(ManifestKind.PROGRAM)
            .version("0.0.1")
            .profiles(PROBE_PROFILE)
            .minAgentVersion("0.0.0")
            .artifact(new Artifact("0".repeat(64), 0, "application/octet-stream"))
            .changelog("probe")
            .author(key.keyid())
            .created(Instant.EPOCH)
            .expires(Instant.EPOCH.plusSeconds(1))
            .build();
    return EnvelopeCodec.write(new Signer(key).sign(manifest));
  }
}
