package dev.hearth.specs.trust.vectors;

import static dev.hearth.specs.trust.Reason.ACCEPTED;
import static dev.hearth.specs.trust.Reason.AGENT_TOO_OLD;
import static dev.hearth.specs.trust.Reason.AUTHOR_SIGNATURE_MISSING;
import static dev.hearth.specs.trust.Reason.BAD_SIGNATURE;
import static dev.hearth.specs.trust.Reason.BROKEN_ROOT_CHAIN;
import static dev.hearth.specs.trust.Reason.EXPIRED;
import static dev.hearth.specs.trust.Reason.HASH_MISMATCH;
import static dev.hearth.specs.trust.Reason.MALFORMED;
import static dev.hearth.specs.trust.Reason.OWNER_POLICY_NOT_MET;
import static dev.hearth.specs.trust.Reason.QUORUM_NOT_MET;
import static dev.hearth.specs.trust.Reason.SIGNED_ONLY_BY_HUB;
import static dev.hearth.specs.trust.Reason.SIZE_MISMATCH;
import static dev.hearth.specs.trust.Reason.UNKNOWN_KEY;
import static dev.hearth.specs.trust.Reason.VERSION_NOT_NEWER;
import static dev.hearth.specs.trust.Reason.WRONG_PROFILE;

import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.hardware.profile.ProfileRef;
import dev.hearth.specs.canonical.StrictJson;
import dev.hearth.specs.manifest.Artifact;
import dev.hearth.specs.manifest.Manifest;
import dev.hearth.specs.manifest.ManifestCodec;
import dev.hearth.specs.manifest.ManifestKind;
import dev.hearth.specs.trust.EnvelopeCodec;
import dev.hearth.specs.trust.KeySignature;
import dev.hearth.specs.trust.Reason;
import dev.hearth.specs.trust.Role;
import dev.hearth.specs.trust.RootCodec;
import dev.hearth.specs.trust.RootMetadata;
import dev.hearth.specs.trust.SignedEnvelope;
import dev.hearth.specs.trust.Signer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Regenerates the trust test vectors under {@code src/test/resources/vectors/trust}. Not a test:
 * run its {@code main} when the vectors must change (see the README there), then review the diff.
 * Ed25519 signatures are deterministic, so an unchanged generator reproduces the committed files
 * byte for byte ({@code TrustVectorsAreReproducibleTest} checks that).
 */
public final class TrustVectorGenerator {

  static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
  static final Instant CREATED = Instant.parse("2026-05-01T00:00:00Z");
  static final Instant MANIFEST_EXPIRES = Instant.parse("2026-12-01T00:00:00Z");
  static final ProfileRef WASHER = ProfileRef.parse("open-washer@1");
  static final ProfileRef MICROWAVE = ProfileRef.parse("open-microwave@1");
  static final ProfileRef OVEN = ProfileRef.parse("open-oven@1");
  static final String BUNDLE_TYPE = "application/vnd.hearth.program-bundle+zip";
  static final String AGENT_TYPE = "application/vnd.debian.binary-package";

  private final TestKeys keys;
  private final List<Case> cases = new ArrayList<>();

  private TrustVectorGenerator(TestKeys keys) {
    this.keys = keys;
  }

  /**
   * Writes every vector.
   *
   * @param args the {@code vectors/trust} directory; default {@code
   *     firmware-specs/src/test/resources/vectors/trust} (run from the repository root)
   */
  public static void main(String[] args) throws IOException {
    Path out =
        Path.of(args.length > 0 ? args[0] : "firmware-specs/src/test/resources/vectors/trust");
    List<String> written = generate(out.resolve(TestKeys.DIRECTORY), out);
    System.out.println("wrote " + written.size() + " trust vectors to " + out.toAbsolutePath());
  }

  /** Writes every vector into {@code out}, replacing old ones; returns the case names. */
  static List<String> generate(Path keysDirectory, Path out) throws IOException {
    var generator = new TrustVectorGenerator(TestKeys.loadOrCreate(keysDirectory));
    generator.defineCases();
    for (Path stale : TrustVector.caseDirectories(out)) {
      deleteRecursively(stale);
    }
    var names = new ArrayList<String>();
    for (Case c : generator.cases) {
      c.toVector().write(out, c.newerVersions);
      names.add(c.name);
    }
    return names;
  }

  private void defineCases() {
    acceptedCases();
    malformedCases();
    rootChainCases();
    signatureCases();
    quorumAndPolicyCases();
    deviceCases();
    artifactCases();
  }

  // ---------------------------------------------------------------- accepted

  private void acceptedCases() {
    byte[] bundle = artifactBytes("washer-programs 1.1.0");
    vector("accepted-program")
        .manifest(
            signed(
                washerPrograms().artifact(artifactOf(bundle, BUNDLE_TYPE)),
                "carol",
                "alice",
                "bob"))
        .artifact(bundle)
        .expect(ACCEPTED, "author carol, approved by alice, bob (threshold 2)");

    byte[] agentBuild = artifactBytes("hearth-agent 1.3.0");
    vector("accepted-agent")
        .manifest(
            signed(
                washerPrograms()
                    .name("hearth-agent")
                    .kind(ManifestKind.AGENT)
                    .version("1.3.0")
                    .minAgentVersion("1.2.0")
                    .profiles(WASHER, MICROWAVE)
                    .artifact(artifactOf(agentBuild, AGENT_TYPE))
                    .changelog("Agent: resume interrupted downloads."),
                "carol",
                "dave",
                "erin"))
        .device(device(MICROWAVE).installed("hearth-agent", "agent", "1.2.0"))
        .artifact(agentBuild)
        .expect(ACCEPTED, "hearth-agent 1.3.0 (agent) for open-microwave@1");

    vector("accepted-first-install")
        .manifest(signed(washerPrograms(), "carol", "alice", "erin"))
        .device(device(WASHER))
        .expect(ACCEPTED, "approved by alice, erin (threshold 2)");

    vector("accepted-maintainer-author")
        .manifest(signed(washerPrograms().author(keys.keyid("alice")), "alice", "bob", "erin"))
        .expect(ACCEPTED, "author alice, approved by bob, erin (threshold 2)");

    vector("accepted-after-root-rotation")
        .newerRoot(2, signedRoot(rootV2(), "root-a", "root-b", "root-c"))
        .manifest(signed(washerPrograms(), "carol", "alice", "dave"))
        .expect(ACCEPTED, "approved by alice, dave (threshold 2)");

    vector("accepted-signed-downgrade")
        .manifest(signed(washerPrograms().downgrade(true), "carol", "alice", "bob"))
        .device(device(WASHER).installed("washer-programs", "program", "1.2.0"))
        .expect(ACCEPTED, "a signed downgrade from 1.2.0");

    vector("accepted-owner-policy-met")
        .manifest(signed(washerPrograms(), "carol", "alice", "bob", "erin"))
        .device(washerDevice().requiring(3, "erin"))
        .expect(ACCEPTED, "approved by alice, bob, erin (threshold 2)");

    vector("accepted-unknown-signature-ignored")
        .manifest(signed(washerPrograms(), "carol", "mallory", "alice", "bob"))
        .expect(ACCEPTED, "approved by alice, bob (threshold 2)");
  }

  // ---------------------------------------------------------------- malformed

  private void malformedCases() {
    vector("malformed-not-json")
        .manifest("{\"signed\": {\"type\": \"hearth-manifest\",".getBytes(StandardCharsets.UTF_8))
        .expect(MALFORMED, "manifest: not valid JSON");

    byte[] good = signed(washerPrograms(), "carol", "alice", "bob");
    String text = new String(good, StandardCharsets.UTF_8);
    String duplicated = text.replaceFirst("\"name\" :", "\"version\" : \"9.9.9\",\n    \"name\" :");
    vector("malformed-duplicate-field")
        .manifest(duplicated.getBytes(StandardCharsets.UTF_8))
        .expect(MALFORMED, "Duplicate field 'version'");

    ObjectNode withFloat = EnvelopeCodec.toJson(EnvelopeCodec.parse(good).orElseThrow());
    ((ObjectNode) withFloat.get("signed").get("artifact")).set("size", DoubleNode.valueOf(64.0));
    vector("malformed-float-in-signed")
        .manifest(StrictJson.write(withFloat))
        .expect(MALFORMED, "manifest: /signed/artifact/size: 64.0 is not an integer");

    ObjectNode missing = ManifestCodec.toJson(washerPrograms().build());
    missing.remove("artifact");
    vector("malformed-missing-field")
        .manifest(signedJson(missing, "carol", "alice", "bob"))
        .expect(MALFORMED, "manifest: /signed/artifact: is required");

    vector("malformed-root-passed-as-manifest")
        .manifest(signedRoot(rootV1(), "root-a", "root-b"))
        .expect(MALFORMED, "/signed/type: must be \"hearth-manifest\", got \"hearth-root\"");

    ObjectNode badRoot = RootCodec.toJson(rootV1());
    ((ObjectNode) badRoot.get("root")).put("threshold", 3);
    vector("malformed-root-threshold")
        .pinned(signedJson(badRoot, "root-a", "root-b"))
        .manifest(signed(washerPrograms(), "carol", "alice", "bob"))
        .expect(
            MALFORMED,
            "pinned root: /signed/root/threshold: must be 1 to 2 (the number of keyids), got 3");
  }

  // ---------------------------------------------------------------- root chain

  private void rootChainCases() {
    byte[] manifest = signed(washerPrograms(), "carol", "alice", "dave");
    vector("broken-root-chain-old-keys-did-not-sign")
        .newerRoot(2, signedRoot(rootV2(), "root-a", "root-c"))
        .manifest(manifest)
        .expect(
            BROKEN_ROOT_CHAIN,
            "root v2 is not signed by the threshold of root v1's root keys: 1 of 2 (valid:"
                + " root-a)");

    vector("broken-root-chain-new-keys-did-not-sign")
        .newerRoot(2, signedRoot(rootV2(), "root-a", "root-b"))
        .manifest(manifest)
        .expect(
            BROKEN_ROOT_CHAIN,
            "root v2 is not signed by the threshold of its own root keys: 1 of 2 (valid: root-a)");

    vector("broken-root-chain-version-gap")
        .newerRoot(3, signedRoot(rootV2Builder().version(3).build(), "root-a", "root-b", "root-c"))
        .manifest(manifest)
        .expect(BROKEN_ROOT_CHAIN, "root v3 cannot follow trusted root v1");
  }

  // ---------------------------------------------------------------- signatures

  private void signatureCases() {
    SignedEnvelope good =
        EnvelopeCodec.parse(signed(washerPrograms(), "carol", "alice", "bob")).orElseThrow();
    ObjectNode changed = good.signed();
    changed.put("version", "1.9.0");
    vector("bad-signature-manifest-changed-after-signing")
        .manifest(EnvelopeCodec.write(new SignedEnvelope(changed, good.signatures())))
        .expect(BAD_SIGNATURE, "the signature by carol");

    SignedEnvelope byMallory =
        new Signer(keys.signing("mallory")).sign(ManifestCodec.toJson(washerPrograms().build()));
    SignedEnvelope posingAsAlice =
        new Signer(keys.signing("carol"))
            .addSignature(byMallory)
            .withSignature(
                new KeySignature(keys.keyid("alice"), byMallory.signatures().get(0).sig()));
    vector("bad-signature-wrong-key")
        .manifest(EnvelopeCodec.write(withoutSigner(posingAsAlice, keys.keyid("mallory"))))
        .expect(BAD_SIGNATURE, "the signature by alice");

    vector("unknown-key")
        .manifest(signed(washerPrograms().author(keys.keyid("mallory")), "mallory"))
        .expect(UNKNOWN_KEY, "no signature is by a key that root v1 names");

    vector("signed-only-by-hub")
        .manifest(signed(washerPrograms(), "hub"))
        .expect(SIGNED_ONLY_BY_HUB, "hub's online key (hub)");

    vector("author-signature-missing")
        .manifest(signed(washerPrograms(), "alice", "bob", "erin"))
        .expect(AUTHOR_SIGNATURE_MISSING, "author carol");

    vector("author-not-a-contributor")
        .manifest(signed(washerPrograms().author(keys.keyid("root-a")), "root-a", "alice", "bob"))
        .expect(AUTHOR_SIGNATURE_MISSING, "author root-a is not a contributor or maintainer");
  }

  // ---------------------------------------------------------------- quorum and policy

  private void quorumAndPolicyCases() {
    vector("wrong-profile")
        .manifest(signed(washerPrograms().profiles(MICROWAVE), "carol", "dave", "erin"))
        .expect(WRONG_PROFILE, "is for open-microwave@1, not for this device's open-washer@1");

    vector("quorum-not-met")
        .manifest(signed(washerPrograms(), "carol", "alice"))
        .expect(
            QUORUM_NOT_MET,
            "quorum not met for open-washer@1: 1 of 2 maintainer signatures (valid: alice)");

    vector("quorum-author-does-not-count")
        .manifest(signed(washerPrograms().author(keys.keyid("alice")), "alice", "bob"))
        .expect(QUORUM_NOT_MET, "1 of 2 maintainer signatures (valid: bob); the author's own");

    vector("quorum-other-profile-maintainers-do-not-count")
        .manifest(signed(washerPrograms(), "carol", "alice", "dave"))
        .expect(QUORUM_NOT_MET, "1 of 2 maintainer signatures (valid: alice)");

    vector("quorum-profile-without-maintainers")
        .manifest(signed(washerPrograms().profiles(WASHER, OVEN), "carol", "alice", "bob"))
        .device(device(OVEN))
        .expect(QUORUM_NOT_MET, "root v1 names no maintainers for open-oven@1");

    vector("owner-policy-not-met")
        .manifest(signed(washerPrograms(), "carol", "alice", "bob"))
        .device(washerDevice().requiring(0, "erin"))
        .expect(OWNER_POLICY_NOT_MET, "requires a signature by erin");

    vector("owner-policy-more-approvals")
        .manifest(signed(washerPrograms(), "carol", "alice", "bob"))
        .device(washerDevice().requiring(3))
        .expect(OWNER_POLICY_NOT_MET, "requires 3 maintainer approvals, got 2");
  }

  // ---------------------------------------------------------------- device and time

  private void deviceCases() {
    vector("expired-manifest")
        .manifest(
            signed(
                washerPrograms().expires(Instant.parse("2026-05-31T23:59:59Z")),
                "carol",
                "alice",
                "bob"))
        .expect(EXPIRED, "expired at 2026-05-31T23:59:59Z");

    vector("expired-root")
        .pinned(
            signedRoot(
                rootV1Builder().expires(Instant.parse("2026-06-01T00:00:00Z")).build(),
                "root-a",
                "root-b"))
        .manifest(signed(washerPrograms(), "carol", "alice", "bob"))
        .expect(EXPIRED, "root v1 expired at 2026-06-01T00:00:00Z");

    vector("agent-too-old")
        .manifest(signed(washerPrograms().minAgentVersion("2.0.0"), "carol", "alice", "bob"))
        .expect(AGENT_TOO_OLD, "needs agent 2.0.0 or newer; this device runs 1.2.0");

    vector("version-not-newer-equal-even-as-downgrade")
        .manifest(signed(washerPrograms().downgrade(true), "carol", "alice", "bob"))
        .device(device(WASHER).installed("washer-programs", "program", "1.1.0"))
        .expect(VERSION_NOT_NEWER, "is not newer than installed 1.1.0");

    vector("version-not-newer-equal-build-metadata")
        .manifest(signed(washerPrograms().version("1.1.0+build.2"), "carol", "alice", "bob"))
        .device(device(WASHER).installed("washer-programs", "program", "1.1.0+build.1"))
        .expect(VERSION_NOT_NEWER, "is not newer than installed 1.1.0+build.1");

    vector("version-not-newer-unsigned-downgrade")
        .manifest(signed(washerPrograms(), "carol", "alice", "bob"))
        .device(device(WASHER).installed("washer-programs", "program", "1.2.0"))
        .expect(VERSION_NOT_NEWER, "older than installed 1.2.0 and not signed as a downgrade");
  }

  // ---------------------------------------------------------------- artifact

  private void artifactCases() {
    byte[] bundle = artifactBytes("washer-programs 1.1.0");
    byte[] manifest =
        signed(washerPrograms().artifact(artifactOf(bundle, BUNDLE_TYPE)), "carol", "alice", "bob");

    byte[] swapped = bundle.clone();
    swapped[swapped.length / 2] ^= 0x01;
    vector("hash-mismatch")
        .manifest(manifest)
        .artifact(swapped)
        .expect(HASH_MISMATCH, "artifact SHA-256 is ");

    byte[] longer = Arrays.copyOf(bundle, bundle.length + 1);
    longer[bundle.length] = '\n';
    vector("size-mismatch")
        .manifest(manifest)
        .artifact(longer)
        .expect(SIZE_MISMATCH, "larger than the manifest's " + bundle.length + " bytes");
  }

  // ---------------------------------------------------------------- building blocks

  /** Root v1: root-a and root-b (2 of 2), carol contributes, washer and microwave maintainers. */
  private RootMetadata.Builder rootV1Builder() {
    return RootMetadata.builder()
        .version(1)
        .expires(Instant.parse("2027-01-01T00:00:00Z"))
        .keys(keys.named("root-a", "root-b", "hub", "alice", "bob", "carol", "dave", "erin"))
        .root(Role.of(2, keys.keyids("root-a", "root-b")))
        .hub(Role.of(1, keys.keyids("hub")))
        .contributors(keys.keyids("carol"))
        .profile(WASHER, Role.of(2, keys.keyids("alice", "bob", "erin")))
        .profile(MICROWAVE, Role.of(2, keys.keyids("dave", "erin")));
  }

  private RootMetadata rootV1() {
    return rootV1Builder().build();
  }

  /** Root v2: root-b retires in favour of root-c; dave also maintains the washer. */
  private RootMetadata.Builder rootV2Builder() {
    return RootMetadata.builder()
        .version(2)
        .expires(Instant.parse("2027-06-01T00:00:00Z"))
        .keys(keys.named("root-a", "root-c", "hub", "alice", "bob", "carol", "dave", "erin"))
        .root(Role.of(2, keys.keyids("root-a", "root-c")))
        .hub(Role.of(1, keys.keyids("hub")))
        .contributors(keys.keyids("carol"))
        .profile(WASHER, Role.of(2, keys.keyids("alice", "bob", "erin", "dave")))
        .profile(MICROWAVE, Role.of(2, keys.keyids("dave", "erin")));
  }

  private RootMetadata rootV2() {
    return rootV2Builder().build();
  }

  /** washer-programs 1.1.0 for open-washer@1 by carol; no artifact bytes behind it. */
  private Manifest.Builder washerPrograms() {
    return Manifest.builder()
        .name("washer-programs")
        .kind(ManifestKind.PROGRAM)
        .version("1.1.0")
        .profiles(WASHER)
        .minAgentVersion("1.0.0")
        .artifact(artifactOf(artifactBytes("washer-programs 1.1.0"), BUNDLE_TYPE))
        .changelog("Cotton 40: shorter final rinse.\nQuick 30: spin at 800 rpm.")
        .author(keys.keyid("carol"))
        .created(CREATED)
        .expires(MANIFEST_EXPIRES);
  }

  private byte[] signed(Manifest.Builder manifest, String... signers) {
    return signedJson(ManifestCodec.toJson(manifest.build()), signers);
  }

  private byte[] signedRoot(RootMetadata root, String... signers) {
    return signedJson(RootCodec.toJson(root), signers);
  }

  private byte[] signedJson(ObjectNode signed, String... signers) {
    SignedEnvelope envelope = new Signer(keys.signing(signers[0])).sign(signed);
    for (int i = 1; i < signers.length; i++) {
      envelope = new Signer(keys.signing(signers[i])).addSignature(envelope);
    }
    return EnvelopeCodec.write(envelope);
  }

  private static SignedEnvelope withoutSigner(SignedEnvelope envelope, String keyid) {
    return new SignedEnvelope(
        envelope.signed(),
        envelope.signatures().stream().filter(s -> !s.keyid().equals(keyid)).toList());
  }

  /** Deterministic stand-in bytes for an artifact. */
  private static byte[] artifactBytes(String what) {
    var text = new StringBuilder();
    for (int line = 1; line <= 8; line++) {
      text.append("TEST ARTIFACT ").append(what).append(", line ").append(line).append('\n');
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static Artifact artifactOf(byte[] bytes, String mediaType) {
    try {
      String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
      return new Artifact(sha256, bytes.length, mediaType);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private DeviceJson washerDevice() {
    return device(WASHER).installed("washer-programs", "program", "1.0.0");
  }

  private DeviceJson device(ProfileRef profile) {
    return new DeviceJson(profile);
  }

  private Case vector(String name) {
    var c = new Case(name);
    cases.add(c);
    return c;
  }

  /** {@code device.json}: the verification time, the device's state, the owner's policy. */
  private final class DeviceJson {
    private final ObjectNode json = StrictJson.object();

    DeviceJson(ProfileRef profile) {
      json.put("now", NOW.toString());
      json.put("profile", profile.toString());
      json.put("agentVersion", "1.2.0");
      json.putArray("installed");
    }

    DeviceJson installed(String name, String kind, String version) {
      json.withArray("installed")
          .addObject()
          .put("name", name)
          .put("kind", kind)
          .put("version", version);
      return this;
    }

    DeviceJson requiring(int minimumApprovals, String... signers) {
      ObjectNode policy = json.putObject("ownerPolicy");
      var required = policy.putArray("requiredSigners");
      for (String keyid : keys.keyids(signers)) {
        required.add(keyid);
      }
      policy.put("minimumApprovals", minimumApprovals);
      return this;
    }

    byte[] bytes() {
      return StrictJson.write(json);
    }
  }

  /** One vector being defined; defaults: pinned root v1, the washer device, no artifact. */
  private final class Case {
    private final String name;
    private byte[] pinned = signedRoot(rootV1(), "root-a", "root-b");
    private final List<byte[]> newer = new ArrayList<>();
    private final List<Integer> newerVersions = new ArrayList<>();
    private byte[] manifest;
    private DeviceJson device = washerDevice();
    private byte[] artifact;
    private byte[] expected;

    Case(String name) {
      this.name = name;
    }

    Case pinned(byte[] root) {
      pinned = root;
      return this;
    }

    Case newerRoot(int version, byte[] root) {
      newer.add(root);
      newerVersions.add(version);
      return this;
    }

    Case manifest(byte[] signedManifest) {
      manifest = signedManifest;
      return this;
    }

    Case device(DeviceJson device) {
      this.device = device;
      return this;
    }

    Case artifact(byte[] bytes) {
      artifact = bytes;
      return this;
    }

    void expect(Reason reason, String detailContains) {
      expected = TrustVector.expectedJson(reason, detailContains);
    }

    TrustVector toVector() {
      if (manifest == null || expected == null) {
        throw new IllegalStateException("vector " + name + " needs a manifest and an expectation");
      }
      return new TrustVector(
          name,
          pinned,
          List.copyOf(newer),
          manifest,
          device.bytes(),
          Optional.ofNullable(artifact),
          expected);
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
