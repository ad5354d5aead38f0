package dev.hearth.specs.trust;

import dev.hearth.hardware.profile.ProfileRef;
import dev.hearth.specs.manifest.Artifact;
import dev.hearth.specs.manifest.Manifest;
import dev.hearth.specs.manifest.ManifestKind;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.semver4j.Semver;

/**
 * A small community with fresh keys for unit tests: root key holders, the hub, two washer
 * maintainers (threshold 2 with erin) and contributor carol. The committed vectors use their own,
 * fixed keys.
 */
final class TrustFixture {

  static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
  static final ProfileRef WASHER = ProfileRef.parse("open-washer@1");

  final SigningKey root = SigningKey.generate();
  final SigningKey hub = SigningKey.generate();
  final SigningKey alice = SigningKey.generate();
  final SigningKey bob = SigningKey.generate();
  final SigningKey carol = SigningKey.generate();
  final SigningKey erin = SigningKey.generate();

  final TrustVerifier verifier = new TrustVerifier(Clock.fixed(NOW, ZoneOffset.UTC));

  RootMetadata.Builder root() {
    return RootMetadata.builder()
        .version(1)
        .expires(Instant.parse("2027-01-01T00:00:00Z"))
        .keys(
            root.publicKey("root"),
            hub.publicKey("hub"),
            alice.publicKey("alice"),
            bob.publicKey("bob"),
            carol.publicKey("carol"),
            erin.publicKey("erin"))
        .root(Role.of(1, root.keyid()))
        .hub(Role.of(1, hub.keyid()))
        .contributors(carol.keyid())
        .profile(WASHER, Role.of(2, alice.keyid(), bob.keyid(), erin.keyid()));
  }

  byte[] signedRoot() {
    return EnvelopeCodec.write(new Signer(root).sign(root().build()));
  }

  Manifest.Builder manifest(Artifact artifact) {
    return Manifest.builder()
        .name("washer-programs")
        .kind(ManifestKind.PROGRAM)
        .version("1.1.0")
        .profiles(WASHER)
        .minAgentVersion("1.0.0")
        .artifact(artifact)
        .changelog("Quick 30: lower spin speed.")
        .author(carol.keyid())
        .created(Instant.parse("2026-05-01T00:00:00Z"))
        .expires(Instant.parse("2026-12-01T00:00:00Z"));
  }

  Manifest.Builder manifest() {
    return manifest(new Artifact("0".repeat(64), 10, "application/zip"));
  }

  static SignedEnvelope sign(SignedEnvelope envelope, SigningKey... more) {
    for (SigningKey key : more) {
      envelope = new Signer(key).addSignature(envelope);
    }
    return envelope;
  }

  /** Carol's manifest approved by alice and bob. */
  SignedEnvelope approved(Manifest manifest) {
    return sign(new Signer(carol).sign(manifest), alice, bob);
  }

  DeviceState washer() {
    return new DeviceState(
        WASHER,
        new Semver("1.2.0"),
        List.of(
            new InstalledRelease("washer-programs", ManifestKind.PROGRAM, new Semver("1.0.0"))));
  }

  Verification verify(SignedEnvelope manifest) {
    return verify(EnvelopeCodec.write(manifest));
  }

  Verification verify(byte[] manifest) {
    return verifier.verify(signedRoot(), List.of(), manifest, washer());
  }
}
