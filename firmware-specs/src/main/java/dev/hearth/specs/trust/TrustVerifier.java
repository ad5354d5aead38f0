package dev.hearth.specs.trust;

import dev.hearth.hardware.profile.ProfileRef;
import dev.hearth.specs.canonical.Parsed;
import dev.hearth.specs.manifest.Manifest;
import dev.hearth.specs.manifest.ManifestCodec;
import dev.hearth.specs.manifest.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.semver4j.Semver;

/**
 * The one trust verifier, used by the agent before installing, by the hub before releasing and by
 * {@code hearth fw verify}. It decides whether a signed manifest may be installed on a device,
 * against root metadata pinned at enrollment, and reports exactly one reason, chosen by the
 * precedence order of {@code SPEC.md, chapter "Trust"}:
 *
 * <ol>
 *   <li>{@link Reason#MALFORMED} any document unparseable or invalid
 *   <li>{@link Reason#BROKEN_ROOT_CHAIN} a newer root that does not follow the trusted one
 *   <li>{@link Reason#BAD_SIGNATURE} a signature by a known key that does not verify
 *   <li>{@link Reason#UNKNOWN_KEY} no signature by a known key
 *   <li>{@link Reason#SIGNED_ONLY_BY_HUB} valid signatures only by the hub's online key
 *   <li>{@link Reason#AUTHOR_SIGNATURE_MISSING} author not a contributor or maintainer, or unsigned
 *   <li>{@link Reason#WRONG_PROFILE} the device's profile is not listed
 *   <li>{@link Reason#QUORUM_NOT_MET} too few maintainers of the device's profile, author excluded
 *   <li>{@link Reason#OWNER_POLICY_NOT_MET} the owner's stricter rules
 *   <li>{@link Reason#EXPIRED} the trusted root, then the manifest
 *   <li>{@link Reason#AGENT_TOO_OLD} the agent is older than the manifest's minimum
 *   <li>{@link Reason#VERSION_NOT_NEWER} not above the installed version, unless a signed downgrade
 * </ol>
 *
 * <p>The artifact is checked separately, after download, by {@link #verifyArtifact}.
 */
public final class TrustVerifier {

  private static final int CHUNK_BYTES = 64 * 1024;

  private final Clock clock;

  /**
   * @param clock the time that decides expiry; a device's clock, or a fixed one in tests
   */
  public TrustVerifier(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Verifies without an owner policy; see {@link #verify(byte[], List, byte[], DeviceState,
   * OwnerPolicy)}.
   */
  public Verification verify(
      byte[] pinnedRoot, List<byte[]> newerRoots, byte[] signedManifest, DeviceState device) {
    return verify(pinnedRoot, newerRoots, signedManifest, device, OwnerPolicy.NONE);
  }

  /**
   * Decides whether {@code signedManifest} may be installed on {@code device}.
   *
   * @param pinnedRoot the root envelope the device trusts (pinned at enrollment or by a previous
   *     verification); trusted as it is, not re-verified, like TUF's trusted root
   * @param newerRoots root envelopes with versions pinned+1, pinned+2, ... in that order; may be
   *     empty
   * @param signedManifest the manifest envelope as received
   * @param device the device's profile, agent version and installed releases
   * @param policy the owner's stricter rules, or {@link OwnerPolicy#NONE}
   * @return the verdict, the newest trusted root and, when accepted, the manifest
   */
  public Verification verify(
      byte[] pinnedRoot,
      List<byte[]> newerRoots,
      byte[] signedManifest,
      DeviceState device,
      OwnerPolicy policy) {
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(policy, "policy");

    Parsed<SignedRoot> pinned = readRoot(pinnedRoot);
    if (pinned instanceof Parsed.Invalid<SignedRoot> invalid) {
      return malformed("pinned root", invalid, Optional.empty());
    }
    RootMetadata pinnedMetadata = pinned.orElseThrow().metadata();
    var chain = new ArrayList<SignedRoot>(newerRoots.size());
    for (int i = 0; i < newerRoots.size(); i++) {
      Parsed<SignedRoot> next = readRoot(newerRoots.get(i));
      if (next instanceof Parsed.Invalid<SignedRoot> invalid) {
        return malformed("newer root #" + (i + 1), invalid, Optional.of(pinnedMetadata));
      }
      chain.add(next.orElseThrow());
    }
    Parsed<SignedEnvelope> envelope = EnvelopeCodec.parse(signedManifest);
    Parsed<Manifest> manifest =
        envelope.flatMap(e -> ManifestCodec.read(e.signed()).under("/signed"));
    if (manifest instanceof Parsed.Invalid<Manifest> invalid) {
      return malformed("manifest", invalid, Optional.of(pinnedMetadata));
    }

    RootChain.Outcome rotation = RootChain.follow(pinnedMetadata, chain);
    RootMetadata root = rotation.trusted();
    if (!rotation.holds()) {
      return new Verification(rotation.broken(), Optional.of(root), Optional.empty());
    }
    Verdict verdict = judge(root, envelope.orElseThrow(), manifest.orElseThrow(), device, policy);
    return new Verification(
        verdict,
        Optional.of(root),
        verdict.isAccepted() ? manifest.toOptional() : Optional.empty());
  }

  /** Steps 3 to 12 of the precedence order, against the trusted root. */
  private Verdict judge(
      RootMetadata root,
      SignedEnvelope envelope,
      Manifest manifest,
      DeviceState device,
      OwnerPolicy policy) {
    SignatureTally tally = SignatureTally.of(envelope, root.keys());
    ProfileRef profile = device.profile();
    List<String> approvals =
        root.maintainers(profile)
            .map(maintainers -> approvals(tally, maintainers, manifest.author()))
            .orElse(List.of());
    return checkSignatures(root, tally)
        .or(() -> checkAuthor(root, tally, manifest.author()))
        .or(() -> checkProfile(manifest, profile))
        .or(() -> checkQuorum(root, tally, manifest.author(), profile, approvals))
        .or(() -> checkPolicy(policy, root, tally, approvals))
        .or(() -> checkExpiry(root, manifest))
        .or(() -> checkAgent(manifest, device))
        .or(() -> checkVersion(manifest, device))
        .orElseGet(() -> accepted(root, manifest, device, approvals));
  }

  private static Optional<Verdict> checkSignatures(RootMetadata root, SignatureTally tally) {
    if (tally.firstBad().isPresent()) {
      return reject(
          Reason.BAD_SIGNATURE,
          "the signature by "
              + root.key(tally.firstBad().get()).orElseThrow().describe()
              + " does not verify over the canonical signed manifest: the manifest was changed"
              + " after signing, or the signature is corrupt");
    }
    if (tally.valid().isEmpty()) {
      return reject(
          Reason.UNKNOWN_KEY,
          "no signature is by a key that root v"
              + root.version()
              + " names; signed only by "
              + SignatureTally.names(List.copyOf(tally.unknown()), root));
    }
    if (root.hub().keyids().containsAll(tally.valid())) {
      return reject(
          Reason.SIGNED_ONLY_BY_HUB,
          "the only valid signature is by the hub's online key ("
              + SignatureTally.names(tally.validIn(root.hub().keyids()), root)
              + "), which signs rollout offers, never firmware");
    }
    return Optional.empty();
  }

  private static Optional<Verdict> checkAuthor(
      RootMetadata root, SignatureTally tally, String author) {
    if (!root.mayAuthor(author)) {
      return reject(
          Reason.AUTHOR_SIGNATURE_MISSING,
          "author "
              + root.describe(author)
              + " is not a contributor or maintainer in root v"
              + root.version());
    }
    if (!tally.valid().contains(author)) {
      return reject(
          Reason.AUTHOR_SIGNATURE_MISSING,
          "author " + root.key(author).orElseThrow().describe() + " has not signed the manifest");
    }
    return Optional.empty();
  }

  private static Optional<Verdict> checkProfile(Manifest manifest, ProfileRef profile) {
    if (manifest.fits(profile)) {
      return Optional.empty();
    }
    return reject(
        Reason.WRONG_PROFILE,
        release(manifest)
            + " is for "
            + String.join(", ", manifest.profiles().stream().map(ProfileRef::toString).toList())
            + ", not for this device's "
            + profile);
  }

  private static Optional<Verdict> checkQuorum(
      RootMetadata root,
      SignatureTally tally,
      String author,
      ProfileRef profile,
      List<String> approvals) {
    Optional<Role> maintainers = root.maintainers(profile);
    if (maintainers.isEmpty()) {
      return reject(
          Reason.QUORUM_NOT_MET,
          "root v"
              + root.version()
              + " names no maintainers for "
              + profile
              + ", so no release for it can reach a quorum");
    }
    int threshold = maintainers.get().threshold();
    if (approvals.size() >= threshold) {
      return Optional.empty();
    }
    boolean authorApprovedOwnWork =
        maintainers.get().contains(author) && tally.valid().contains(author);
    return reject(
        Reason.QUORUM_NOT_MET,
        "quorum not met for "
            + profile
            + ": "
            + approvals.size()
            + " of "
            + threshold
            + " maintainer signatures (valid: "
            + SignatureTally.names(approvals, root)
            + ")"
            + (authorApprovedOwnWork ? "; the author's own signature does not count" : "")
            + (tally.unknown().isEmpty()
                ? ""
                : "; " + tally.unknown().size() + " signature(s) by unknown keys ignored"));
  }

  private Optional<Verdict> checkExpiry(RootMetadata root, Manifest manifest) {
    Instant now = clock.instant();
    if (!now.isBefore(root.expires())) {
      return reject(
          Reason.EXPIRED,
          "root v" + root.version() + " expired at " + root.expires() + "; a newer root is needed");
    }
    if (!now.isBefore(manifest.expires())) {
      return reject(
          Reason.EXPIRED, "manifest " + release(manifest) + " expired at " + manifest.expires());
    }
    return Optional.empty();
  }

  private static Optional<Verdict> checkAgent(Manifest manifest, DeviceState device) {
    if (device.agentVersion().compareTo(manifest.minAgentVersion()) >= 0) {
      return Optional.empty();
    }
    return reject(
        Reason.AGENT_TOO_OLD,
        release(manifest)
            + " needs agent "
            + manifest.minAgentVersion()
            + " or newer; this device runs "
            + device.agentVersion());
  }

  /** Anti-rollback: strictly newer, or lower and signed as a downgrade; equal never. */
  private static Optional<Verdict> checkVersion(Manifest manifest, DeviceState device) {
    Optional<Semver> installed = device.installedVersion(manifest.name(), manifest.kind());
    if (installed.isEmpty()) {
      return Optional.empty();
    }
    int order = manifest.version().compareTo(installed.get());
    if (order == 0) {
      return reject(
          Reason.VERSION_NOT_NEWER,
          release(manifest)
              + " is not newer than installed "
              + installed.get()
              + "; equal versions are never installed again");
    }
    if (order < 0 && !manifest.downgrade()) {
      return reject(
          Reason.VERSION_NOT_NEWER,
          release(manifest)
              + " is older than installed "
              + installed.get()
              + " and not signed as a downgrade (\"downgrade\": true)");
    }
    return Optional.empty();
  }

  private static Verdict accepted(
      RootMetadata root, Manifest manifest, DeviceState device, List<String> approvals) {
    Optional<Semver> installed = device.installedVersion(manifest.name(), manifest.kind());
    boolean downgrade = installed.isPresent() && manifest.version().compareTo(installed.get()) < 0;
    return Verdict.accepted(
        release(manifest)
            + " ("
            + manifest.kind()
            + ") for "
            + device.profile()
            + (downgrade ? ", a signed downgrade from " + installed.get() : "")
            + ": author "
            + root.describe(manifest.author())
            + ", approved by "
            + SignatureTally.names(approvals, root)
            + " (threshold "
            + root.maintainers(device.profile()).orElseThrow().threshold()
            + ")");
  }

  /** Distinct valid signatures by the profile's maintainers, the author's excluded. */
  private static List<String> approvals(SignatureTally tally, Role maintainers, String author) {
    return tally.validIn(maintainers.keyids()).stream().filter(k -> !k.equals(author)).toList();
  }

  private static String release(Manifest manifest) {
    return manifest.name() + " " + manifest.version();
  }

  private static Optional<Verdict> reject(Reason reason, String detail) {
    return Optional.of(Verdict.rejected(reason, detail));
  }

  private static Optional<Verdict> checkPolicy(
      OwnerPolicy policy, RootMetadata root, SignatureTally tally, List<String> approvals) {
    for (String required : policy.requiredSigners()) {
      if (root.key(required).isEmpty()) {
        return reject(
            Reason.OWNER_POLICY_NOT_MET,
            "owner policy requires a signature by key "
                + KeyIds.abbreviate(required)
                + ", which root v"
                + root.version()
                + " does not name");
      }
      if (!tally.valid().contains(required)) {
        return reject(
            Reason.OWNER_POLICY_NOT_MET,
            "owner policy requires a signature by "
                + root.key(required).orElseThrow().describe()
                + ", which is missing");
      }
    }
    if (approvals.size() < policy.minimumApprovals()) {
      return reject(
          Reason.OWNER_POLICY_NOT_MET,
          "owner policy requires "
              + policy.minimumApprovals()
              + " maintainer approvals, got "
              + approvals.size()
              + " (valid: "
              + SignatureTally.names(approvals, root)
              + ")");
    }
    return Optional.empty();
  }

  /**
   * Checks a downloaded artifact against the verified manifest, streaming: the file may be larger
   * than memory.
   *
   * @return {@link Reason#ACCEPTED}, {@link Reason#SIZE_MISMATCH} or {@link Reason#HASH_MISMATCH}
   * @throws IOException when the file cannot be read (not a verdict: nothing was learned)
   */
  public Verdict verifyArtifact(Manifest manifest, Path artifact) throws IOException {
    try (InputStream in = Files.newInputStream(artifact)) {
      return verifyArtifact(manifest, in);
    }
  }

  /**
   * Checks artifact bytes against the verified manifest, reading {@code artifact} to its end, or
   * only until it proves longer than the manifest says. The stream is not closed.
   *
   * @return {@link Reason#ACCEPTED}, {@link Reason#SIZE_MISMATCH} or {@link Reason#HASH_MISMATCH}
   * @throws IOException when the stream fails
   */
  public Verdict verifyArtifact(Manifest manifest, InputStream artifact) throws IOException {
    long expectedSize = manifest.artifact().size();
    MessageDigest sha256 = Sha256.digest();
    byte[] chunk = new byte[CHUNK_BYTES];
    long size = 0;
    int read;
    while ((read = artifact.read(chunk)) != -1) {
      size += read;
      if (size > expectedSize) {
        // Stop here: whoever serves an endless artifact must not fill the device's disk or time.
        return Verdict.rejected(
            Reason.SIZE_MISMATCH,
            "artifact is larger than the manifest's " + expectedSize + " bytes");
      }
      sha256.update(chunk, 0, read);
    }
    if (size != expectedSize) {
      return Verdict.rejected(
          Reason.SIZE_MISMATCH,
          "artifact is " + size + " bytes; the manifest says " + expectedSize);
    }
    String actual = Sha256.hex(sha256);
    if (!MessageDigest.isEqual(
        actual.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
        manifest.artifact().sha256().getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
      return Verdict.rejected(
          Reason.HASH_MISMATCH,
          "artifact SHA-256 is " + actual + "; the manifest says " + manifest.artifact().sha256());
    }
    return Verdict.accepted("artifact matches the manifest: " + size + " bytes, SHA-256 " + actual);
  }

  private static Parsed<SignedRoot> readRoot(byte[] document) {
    return EnvelopeCodec.parse(document)
        .flatMap(
            envelope ->
                RootCodec.read(envelope.signed())
                    .under("/signed")
                    .map(metadata -> new SignedRoot(envelope, metadata)));
  }

  private static Verification malformed(
      String document, Parsed.Invalid<?> invalid, Optional<RootMetadata> trustedRoot) {
    return new Verification(
        Verdict.rejected(Reason.MALFORMED, document + ": " + invalid.message()),
        trustedRoot,
        Optional.empty());
  }
}
