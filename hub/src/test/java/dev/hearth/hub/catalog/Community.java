package dev.hearth.hub.catalog;

import dev.hearth.hardware.profile.ProfileRef;
import dev.hearth.hardware.profile.ShippedProfiles;
import dev.hearth.specs.manifest.Artifact;
import dev.hearth.specs.manifest.Manifest;
import dev.hearth.specs.manifest.ManifestKind;
import dev.hearth.specs.program.BundleFiles;
import dev.hearth.specs.program.ShippedBundles;
import dev.hearth.specs.trust.EnvelopeCodec;
import dev.hearth.specs.trust.KeyFiles;
import dev.hearth.specs.trust.Role;
import dev.hearth.specs.trust.RootMetadata;
import dev.hearth.specs.trust.SignedEnvelope;
import dev.hearth.specs.trust.Signer;
import dev.hearth.specs.trust.SigningKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * A small community with its keys held in memory, as their holders would keep them offline: a root
 * key holder, a contributor (alice), two maintainers of open-washer@1 (bob and carol, threshold 2;
 * bob alone maintains open-microwave@1) and the hub's online key. Makes roots, bundles and signed
 * manifests for tests.
 */
public final class Community {

  public static final String WASHER = "open-washer@1";
  public static final String MICROWAVE = "open-microwave@1";

  public final SigningKey root = SigningKey.generate();
  public final SigningKey alice = SigningKey.generate();
  public final SigningKey bob = SigningKey.generate();
  public final SigningKey carol = SigningKey.generate();
  public final SigningKey hub = SigningKey.generate();
  private final Instant now;

  public Community(Instant now) {
    this.now = now;
  }

  /** Root v1, signed by the root key. */
  public SignedEnvelope rootV1() {
    return new Signer(root).sign(rootMetadata(1, root).build());
  }

  /** The root metadata of this community at {@code version}, with {@code rootKey} as root key. */
  public RootMetadata.Builder rootMetadata(int version, SigningKey rootKey) {
    return RootMetadata.builder()
        .version(version)
        .expires(now.plus(Duration.ofDays(365)))
        .keys(
            rootKey.publicKey("root-holder"),
            alice.publicKey("alice"),
            bob.publicKey("bob"),
            carol.publicKey("carol"),
            hub.publicKey("hub.test"))
        .root(Role.of(1, rootKey.keyid()))
        .hub(Role.of(1, hub.keyid()))
        .contributors(alice.keyid())
        .profile(ProfileRef.parse(WASHER), Role.of(2, bob.keyid(), carol.keyid()))
        .profile(ProfileRef.parse(MICROWAVE), Role.of(1, bob.keyid()));
  }

  /** The public key file of {@code key}, as {@code hearth keys generate} writes it. */
  public static byte[] publicKeyFile(SigningKey key, String owner) {
    return dev.hearth.specs.canonical.StrictJson.write(KeyFiles.toJson(key.publicKey(owner)));
  }

  public static String publicKeyJson(SigningKey key, String owner) {
    return new String(publicKeyFile(key, owner), StandardCharsets.UTF_8);
  }

  /** The shipped washer bundle at {@code version}, with program files replaced or added. */
  public static BundleFiles washerBundle(String version, Map<String, String> programs) {
    BundleFiles shipped = ShippedBundles.files(ShippedProfiles.get(WASHER));
    Map<String, String> files = new HashMap<>(shipped.files());
    files.put(
        BundleFiles.DESCRIPTOR,
        files.get(BundleFiles.DESCRIPTOR).replaceFirst("(?m)^version: .*$", "version: " + version));
    files.putAll(programs);
    return new BundleFiles(files);
  }

  /** The shipped microwave bundle at {@code version}. */
  public static BundleFiles microwaveBundle(String version) {
    BundleFiles shipped = ShippedBundles.files(ShippedProfiles.get(MICROWAVE));
    Map<String, String> files = new HashMap<>(shipped.files());
    files.put(
        BundleFiles.DESCRIPTOR,
        files.get(BundleFiles.DESCRIPTOR).replaceFirst("(?m)^version: .*$", "version: " + version));
    return new BundleFiles(files);
  }

  /** The manifest of a bundle zip, authored by alice. */
  public Manifest manifest(String name, String version, String profile, byte[] artifact) {
    return manifest(name, version, profile, artifact, "0.1.0");
  }

  /** The manifest of a bundle zip, authored by alice, for agents from {@code minAgentVersion}. */
  public Manifest manifest(
      String name, String version, String profile, byte[] artifact, String minAgentVersion) {
    return Manifest.builder()
        .name(name)
        .kind(ManifestKind.PROGRAM)
        .version(version)
        .profiles(ProfileRef.parse(profile))
        .minAgentVersion(minAgentVersion)
        .artifact(new Artifact(sha256(artifact), artifact.length, "application/zip"))
        .changelog("Release " + version + " of " + name)
        .author(alice.keyid())
        .created(now.minus(Duration.ofHours(1)))
        .expires(now.plus(Duration.ofDays(90)))
        .build();
  }

  /** {@code manifest} signed by alice, its author. */
  public SignedEnvelope authored(Manifest manifest) {
    return new Signer(alice).sign(manifest);
  }

  public static String json(SignedEnvelope envelope) {
    return new String(EnvelopeCodec.write(envelope), StandardCharsets.UTF_8);
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
