package dev.hearth.agent.update;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.hardware.profile.ProfileRef;
import dev.hearth.specs.manifest.Artifact;
import dev.hearth.specs.manifest.Manifest;
import dev.hearth.specs.manifest.ManifestKind;
import dev.hearth.specs.trust.EnvelopeCodec;
import dev.hearth.specs.trust.Role;
import dev.hearth.specs.trust.RootMetadata;
import dev.hearth.specs.trust.SignedEnvelope;
import dev.hearth.specs.trust.Signer;
import dev.hearth.specs.trust.SigningKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * A small community with fresh keys, as in SPEC chapter 1: a root key, the hub's online key, the
 * washer's maintainers alice, bob and erin (threshold 2) and contributor carol. Releases are real
 * manifests signed by real keys; the device verifies them with the one trust verifier.
 */
final class TestCommunity {

  static final ProfileRef WASHER = ProfileRef.parse("open-washer@1");
  static final ProfileRef MICROWAVE = ProfileRef.parse("open-microwave@1");

  final SigningKey root = SigningKey.generate();
  final SigningKey hub = SigningKey.generate();
  final SigningKey alice = SigningKey.generate();
  final SigningKey bob = SigningKey.generate();
  final SigningKey erin = SigningKey.generate();
  final SigningKey carol = SigningKey.generate();

  /** The root envelope a washer pins at enrollment. */
  byte[] rootEnvelope() {
    RootMetadata metadata =
        RootMetadata.builder()
            .version(1)
            .expires(Instant.now().plus(Duration.ofDays(365)))
            .keys(
                root.publicKey("root"),
                hub.publicKey("hub"),
                alice.publicKey("alice"),
                bob.publicKey("bob"),
                erin.publicKey("erin"),
                carol.publicKey("carol"))
            .root(Role.of(1, root.keyid()))
            .hub(Role.of(1, hub.keyid()))
            .contributors(carol.keyid())
            .profile(WASHER, Role.of(2, alice.keyid(), bob.keyid(), erin.keyid()))
            .build();
    return EnvelopeCodec.write(new Signer(root).sign(metadata));
  }

  /** Pins the root where the agent keeps it: {@code <stateDir>/root.json}. */
  void pinRoot(Path stateDir) throws IOException {
    Files.createDirectories(stateDir);
    Files.write(UpdateFiles.under(stateDir).pinnedRoot(), rootEnvelope());
  }

  /** A release of {@code bytes}: carol's manifest for the washer, valid for 30 days. */
  Manifest.Builder manifest(ManifestKind kind, String name, String version, byte[] bytes) {
    Instant now = Instant.now();
    return Manifest.builder()
        .name(name)
        .kind(kind)
        .version(version)
        .profiles(WASHER)
        .minAgentVersion("1.0.0")
        .artifact(
            new Artifact(
                sha256(bytes),
                bytes.length,
                kind == ManifestKind.PROGRAM
                    ? "application/vnd.hearth.program-bundle+zip"
                    : "application/java-archive"))
        .changelog("tests")
        .author(carol.keyid())
        .created(now.minus(Duration.ofDays(1)))
        .expires(now.plus(Duration.ofDays(30)));
  }

  /** A program release of the washer's programs, {@code version}, approved by alice and bob. */
  ObjectNode programs(String version, byte[] bundle) {
    return approved(
        manifest(ManifestKind.PROGRAM, "open-washer-programs", version, bundle).build());
  }

  /** Carol's manifest approved by alice and bob: a quorum. */
  ObjectNode approved(Manifest manifest) {
    return signed(manifest, carol, alice, bob);
  }

  /** {@code manifest} signed by {@code keys}, the first creating the envelope. */
  ObjectNode signed(Manifest manifest, SigningKey... keys) {
    SignedEnvelope envelope = new Signer(keys[0]).sign(manifest);
    for (SigningKey k : List.of(keys).subList(1, keys.length)) {
      envelope = new Signer(k).addSignature(envelope);
    }
    return EnvelopeCodec.toJson(envelope);
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
