package dev.hearth.hub.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.hardware.profile.Profile;
import dev.hearth.hardware.profile.ProfileRef;
import dev.hearth.hub.catalog.store.CatalogRevisions;
import dev.hearth.hub.catalog.store.RegisteredKey;
import dev.hearth.hub.catalog.store.RevisionRecord;
import dev.hearth.hub.catalog.store.RevisionStatus;
import dev.hearth.hub.catalog.store.SignatureRecord;
import dev.hearth.hub.registry.ProfileLookup;
import dev.hearth.specs.canonical.Parsed;
import dev.hearth.specs.manifest.Manifest;
import dev.hearth.specs.manifest.ManifestCodec;
import dev.hearth.specs.manifest.ManifestKind;
import dev.hearth.specs.program.BundleFiles;
import dev.hearth.specs.program.BundleFormatException;
import dev.hearth.specs.program.BundleLoader;
import dev.hearth.specs.program.ProgramBundle;
import dev.hearth.specs.trust.EnvelopeCodec;
import dev.hearth.specs.trust.KeyIds;
import dev.hearth.specs.trust.KeySignature;
import dev.hearth.specs.trust.Reason;
import dev.hearth.specs.trust.SignedEnvelope;
import dev.hearth.specs.trust.Verdict;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Accepts a pushed revision only when it is sound, and starts its simulation:
 *
 * <ol>
 *   <li>the manifest envelope parses (SPEC chapter 1) and names the uploaded artifact, whose size
 *       and SHA-256 the hub has verified;
 *   <li>every profile it lists is one the hub knows;
 *   <li>its author is a key registered to the account pushing it;
 *   <li>the trust verifier, against the current root, finds every signature valid and by a key the
 *       root names, the author allowed to author and signing, the manifest not expired, and
 *       maintainers named for each profile (the quorum itself comes later, with the reviews);
 *   <li>for a program bundle: the bundle loads and passes the static checks against every listed
 *       profile (SPEC chapter 2), every problem reported at its file and line, and its name and
 *       version are the manifest's.
 * </ol>
 */
public final class Submissions {

  /** A bundle expands to at most 4 MiB; its zip is smaller still. */
  private static final long MAX_BUNDLE_ZIP_BYTES = 4L * 1024 * 1024;

  /**
   * The outcome of a push.
   *
   * @param revision the revision
   * @param created false when exactly this manifest had been pushed before
   */
  public record Submitted(RevisionRecord revision, boolean created) {}

  private final CatalogRevisions revisions;
  private final AccountKeys keys;
  private final TrustRoots roots;
  private final ArtifactStore artifacts;
  private final ProfileLookup profiles;
  private final ReleaseCheck check;
  private final Simulations simulations;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  Submissions(
      CatalogRevisions revisions,
      AccountKeys keys,
      TrustRoots roots,
      ArtifactStore artifacts,
      ProfileLookup profiles,
      Simulations simulations,
      Clock clock) {
    this.revisions = revisions;
    this.keys = keys;
    this.roots = roots;
    this.artifacts = artifacts;
    this.profiles = profiles;
    this.check = new ReleaseCheck(clock);
    this.simulations = simulations;
    this.clock = clock;
  }

  /**
   * Validates and stores a revision pushed by {@code ownerId}, then simulates it in the background.
   *
   * @param envelopeJson the signed manifest envelope
   * @param sha256 the artifact the pusher uploaded, if named; must be the manifest's
   * @throws CatalogException naming what is wrong; nothing is stored then
   */
  public Submitted submit(String ownerId, JsonNode envelopeJson, Optional<String> sha256) {
    SignedEnvelope envelope = envelope(envelopeJson);
    Manifest manifest = manifest(envelope);
    if (sha256.isPresent() && !sha256.get().equals(manifest.artifact().sha256())) {
      throw CatalogException.invalid(
          "/sha256",
          "the manifest names artifact " + manifest.artifact().sha256() + ", not " + sha256.get());
    }
    List<Profile> known = knownProfiles(manifest);
    ArtifactStore.StoredArtifact artifact = artifact(manifest);
    requireAuthoredBy(ownerId, manifest);
    requireTrusted(envelope, manifest);

    Optional<RevisionRecord> existing =
        revisions.find(manifest.name(), manifest.kind().jsonName(), version(manifest));
    if (existing.isPresent()) {
      return same(existing.get(), envelope, manifest);
    }
    if (manifest.kind() == ManifestKind.PROGRAM) {
      checkBundle(artifacts.read(artifact, MAX_BUNDLE_ZIP_BYTES), known, manifest);
    }
    boolean simulate = manifest.kind() == ManifestKind.PROGRAM;
    RevisionRecord revision =
        new RevisionRecord(
            newId(),
            manifest.name(),
            manifest.kind().jsonName(),
            version(manifest),
            manifest.profiles().stream().map(ProfileRef::toString).toList(),
            simulate ? RevisionStatus.VALIDATING : RevisionStatus.VALIDATED,
            new String(EnvelopeCodec.write(envelope), StandardCharsets.UTF_8),
            0,
            manifest.artifact().sha256(),
            manifest.artifact().size(),
            manifest.changelog(),
            manifest.author(),
            ownerId,
            clock.instant());
    SignatureRecord author =
        new SignatureRecord(
            revision.id(), manifest.author(), ownerId, SignatureRecord.AUTHOR, clock.instant());
    if (!revisions.insert(revision, author)) {
      return same(
          revisions
              .find(manifest.name(), manifest.kind().jsonName(), version(manifest))
              .orElseThrow(),
          envelope,
          manifest);
    }
    if (simulate) {
      simulations.schedule(revision.id());
    }
    return new Submitted(revision, true);
  }

  private static SignedEnvelope envelope(JsonNode json) {
    Parsed<SignedEnvelope> envelope = EnvelopeCodec.read(json).under("/manifest");
    if (envelope instanceof Parsed.Invalid<SignedEnvelope> invalid) {
      throw CatalogException.invalid(invalid.field(), invalid.problem());
    }
    return envelope.orElseThrow();
  }

  private static Manifest manifest(SignedEnvelope envelope) {
    Parsed<Manifest> manifest = ManifestCodec.read(envelope.signed()).under("/manifest/signed");
    if (manifest instanceof Parsed.Invalid<Manifest> invalid) {
      throw CatalogException.invalid(invalid.field(), invalid.problem());
    }
    return manifest.orElseThrow();
  }

  private List<Profile> knownProfiles(Manifest manifest) {
    List<Profile> known = new ArrayList<>();
    for (ProfileRef ref : manifest.profiles()) {
      known.add(
          profiles
              .find(ref.toString())
              .orElseThrow(
                  () ->
                      new CatalogException(
                          CatalogException.Kind.UNKNOWN_PROFILE,
                          "this hub knows no hardware profile " + ref)));
    }
    return known;
  }

  private ArtifactStore.StoredArtifact artifact(Manifest manifest) {
    String sha256 = manifest.artifact().sha256();
    ArtifactStore.StoredArtifact artifact =
        artifacts
            .find(sha256)
            .orElseThrow(
                () ->
                    CatalogException.conflict(
                        "the hub has no artifact "
                            + sha256
                            + "; upload it first (POST /api/v1/uploads), then submit"));
    if (artifact.size() != manifest.artifact().size()) {
      throw new CatalogException(
          CatalogException.Kind.ARTIFACT_MISMATCH,
          "artifact "
              + sha256
              + " is "
              + artifact.size()
              + " bytes; the manifest says "
              + manifest.artifact().size());
    }
    return artifact;
  }

  private void requireAuthoredBy(String ownerId, Manifest manifest) {
    Optional<RegisteredKey> author = keys.find(manifest.author());
    if (author.isEmpty() || !author.get().ownerId().equals(ownerId)) {
      throw new CatalogException(
          CatalogException.Kind.FORBIDDEN,
          "the manifest's author key "
              + KeyIds.abbreviate(manifest.author())
              + " is not registered to your account; push revisions you authored, after"
              + " registering your key (POST /api/v1/keys)");
    }
  }

  private void requireTrusted(SignedEnvelope envelope, Manifest manifest) {
    TrustedRoot root = roots.current();
    for (KeySignature signature : envelope.signatures()) {
      if (root.metadata().key(signature.keyid()).isEmpty()) {
        throw new CatalogException(
            CatalogException.Kind.UNKNOWN_KEY,
            "the manifest is signed by key "
                + KeyIds.abbreviate(signature.keyid())
                + ", which root v"
                + root.version()
                + " does not name");
      }
    }
    for (Map.Entry<ProfileRef, Verdict> entry :
        check.verdicts(root, envelope, manifest).entrySet()) {
      Verdict verdict = entry.getValue();
      boolean awaitingReview =
          verdict.reason() == Reason.QUORUM_NOT_MET
              && root.metadata().maintainers(entry.getKey()).isPresent();
      if (verdict.isAccepted() || awaitingReview) {
        continue;
      }
      CatalogException.Kind kind =
          verdict.reason() == Reason.BAD_SIGNATURE
              ? CatalogException.Kind.BAD_SIGNATURE
              : verdict.reason() == Reason.UNKNOWN_KEY
                  ? CatalogException.Kind.UNKNOWN_KEY
                  : CatalogException.Kind.INVALID_REVISION;
      throw new CatalogException(kind, verdict.toString());
    }
  }

  private static void checkBundle(byte[] zip, List<Profile> profiles, Manifest manifest) {
    BundleFiles files;
    try {
      files = BundleFiles.fromZip(zip);
    } catch (BundleFormatException e) {
      throw new CatalogException(
          CatalogException.Kind.INVALID_REVISION,
          "the artifact is not a bundle: " + e.getMessage());
    }
    List<CatalogException.Issue> issues = new ArrayList<>();
    for (Profile profile : profiles) {
      BundleLoader.Result result = BundleLoader.load(files, profile, "");
      if (result instanceof BundleLoader.Invalid invalid) {
        invalid
            .problems()
            .forEach(
                p ->
                    issues.add(
                        new CatalogException.Issue(
                            p.location().toString(),
                            (p.field().isEmpty() ? "" : p.field() + ": ") + p.message())));
      } else {
        ProgramBundle bundle = ((BundleLoader.Loaded) result).bundle();
        if (!bundle.name().equals(manifest.name())) {
          issues.add(
              new CatalogException.Issue(
                  BundleFiles.DESCRIPTOR,
                  "name: '"
                      + bundle.name()
                      + "' differs from the manifest's '"
                      + manifest.name()
                      + "'"));
        }
        if (!bundle.version().equals(manifest.version().getVersion())) {
          issues.add(
              new CatalogException.Issue(
                  BundleFiles.DESCRIPTOR,
                  "version: "
                      + bundle.version()
                      + " differs from the manifest's "
                      + manifest.version().getVersion()));
        }
      }
    }
    if (!issues.isEmpty()) {
      StringBuilder detail =
          new StringBuilder("the bundle fails its static checks (" + issues.size() + "):");
      issues.forEach(i -> detail.append('\n').append(i.where()).append(": ").append(i.detail()));
      throw new CatalogException(
          CatalogException.Kind.INVALID_REVISION, detail.toString(), issues, Map.of());
    }
  }

  /** A repeated push of the same manifest finds its revision; a different one is refused. */
  private static Submitted same(
      RevisionRecord existing, SignedEnvelope envelope, Manifest manifest) {
    var stored = EnvelopeCodec.parse(existing.envelope().getBytes(StandardCharsets.UTF_8));
    if (stored.isOk()
        && Arrays.equals(stored.orElseThrow().canonicalSigned(), envelope.canonicalSigned())) {
      return new Submitted(existing, false);
    }
    throw CatalogException.conflict(
        manifest.name()
            + " "
            + manifest.version()
            + " ("
            + manifest.kind()
            + ") was pushed before with another manifest ("
            + existing.id()
            + "); a version is released once, bump it");
  }

  private static String version(Manifest manifest) {
    return manifest.version().getVersion();
  }

  private String newId() {
    byte[] bytes = new byte[6];
    random.nextBytes(bytes);
    return "rev-" + HexFormat.of().formatHex(bytes);
  }
}
