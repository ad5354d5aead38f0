package dev.hearth.hub.catalog;

import dev.hearth.hardware.profile.Profile;
import dev.hearth.hardware.profile.ProfileRef;
import dev.hearth.hardware.profile.ShippedProfiles;
import dev.hearth.hub.catalog.store.CatalogRevisions;
import dev.hearth.hub.catalog.store.RevisionRecord;
import dev.hearth.hub.catalog.store.RevisionStatus;
import dev.hearth.hub.catalog.store.SignatureRecord;
import dev.hearth.specs.program.BundleFiles;
import dev.hearth.specs.program.ProgramBundle;
import dev.hearth.specs.program.ShippedBundles;
import dev.hearth.specs.trust.Role;
import dev.hearth.specs.trust.Verdict;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.semver4j.Semver;

/** The catalog as reviewers and contributors read it: revisions, their reviews and diffs. */
public final class Revisions {

  private static final long MAX_BUNDLE_ZIP_BYTES = 4L * 1024 * 1024;

  private final CatalogRevisions revisions;
  private final TrustRoots roots;
  private final ArtifactStore artifacts;
  private final ReleaseCheck check;
  private final int maxListSize;

  Revisions(
      CatalogRevisions revisions,
      TrustRoots roots,
      ArtifactStore artifacts,
      Clock clock,
      int maxListSize) {
    this.revisions = revisions;
    this.roots = roots;
    this.artifacts = artifacts;
    this.check = new ReleaseCheck(clock);
    this.maxListSize = maxListSize;
  }

  /** Revisions newest first, at most {@code limit} (capped by the configuration). */
  public List<RevisionRecord> list(
      Optional<String> profile, Optional<RevisionStatus> status, int limit) {
    return revisions.list(profile, status, Math.max(1, Math.min(limit, maxListSize)));
  }

  /** The revision of release line {@code name} ({@code kind}) at {@code version}, if submitted. */
  public Optional<RevisionRecord> find(String name, String kind, String version) {
    return revisions.find(name, kind, version);
  }

  public int maxListSize() {
    return maxListSize;
  }

  /**
   * A revision with everything a reviewer needs.
   *
   * @throws CatalogException {@code NOT_FOUND}
   */
  public RevisionDetail detail(String revisionId) {
    RevisionRecord record =
        revisions
            .find(revisionId)
            .orElseThrow(() -> CatalogException.notFound("no revision " + revisionId));
    return detail(record);
  }

  RevisionDetail detail(RevisionRecord record) {
    StoredRevision revision = StoredRevision.of(record);
    TrustedRoot root = roots.current();
    List<SignatureRecord> signers = new ArrayList<>(revisions.signatures(record.id()));
    signers.sort(Comparator.comparing((SignatureRecord s) -> !s.role().equals("author")));
    Map<String, String> holders = new LinkedHashMap<>();
    signers.forEach(s -> holders.put(s.keyid(), root.metadata().describe(s.keyid())));
    return new RevisionDetail(
        record,
        signers,
        holders,
        reviews(revision, root, signers),
        revisions.reports(record.id()),
        revisions.releases(record.id()),
        record.kind().equals("program") ? Optional.of(diff(record)) : Optional.empty());
  }

  /** The quorum of each profile; approvals are signers the hub verified when they signed. */
  List<ReviewStatus> reviews(
      StoredRevision revision, TrustedRoot root, List<SignatureRecord> signers) {
    Map<ProfileRef, Verdict> verdicts =
        check.verdicts(root, revision.envelope(), revision.manifest());
    Set<String> inEnvelope = new HashSet<>();
    revision.envelope().signatures().forEach(s -> inEnvelope.add(s.keyid()));
    List<ReviewStatus> out = new ArrayList<>();
    verdicts.forEach(
        (profile, verdict) -> {
          Optional<Role> maintainers = root.metadata().maintainers(profile);
          List<ReviewStatus.Approval> approvals = new ArrayList<>();
          for (SignatureRecord s : signers) {
            boolean counts =
                s.role().equals(SignatureRecord.APPROVAL)
                    && inEnvelope.contains(s.keyid())
                    && !s.keyid().equals(revision.manifest().author())
                    && maintainers.map(m -> m.contains(s.keyid())).orElse(false);
            if (counts) {
              approvals.add(
                  new ReviewStatus.Approval(s.keyid(), root.metadata().describe(s.keyid())));
            }
          }
          out.add(
              new ReviewStatus(
                  profile.toString(),
                  maintainers.map(Role::threshold).orElse(0),
                  approvals,
                  verdict.isAccepted(),
                  verdict.toString()));
        });
    return out;
  }

  /**
   * Programs against the newest release of the same line with a lower version; for the line's first
   * release, against the bundle the agent ships for the profile (what devices run until their first
   * update), when it is the same line and older.
   */
  ProgramDiff diff(RevisionRecord record) {
    Semver version = new Semver(record.version());
    Optional<RevisionRecord> previous =
        revisions.line(record.name(), record.kind()).stream()
            .filter(r -> !r.id().equals(record.id()))
            .filter(r -> r.status() == RevisionStatus.RELEASED)
            .filter(r -> new Semver(r.version()).compareTo(version) < 0)
            .max(Comparator.comparing(r -> new Semver(r.version())));
    BundleFiles after = bundle(record);
    if (previous.isEmpty()) {
      return shippedBefore(record, version)
          .map(shipped -> ProgramDiff.between(null, shipped.version(), shipped.files(), after))
          .orElseGet(() -> ProgramDiff.between(null, null, null, after));
    }
    return ProgramDiff.between(
        previous.get().id(), previous.get().version(), bundle(previous.get()), after);
  }

  /** A shipped bundle and its version. */
  private record Shipped(String version, BundleFiles files) {}

  private static Optional<Shipped> shippedBefore(RevisionRecord record, Semver version) {
    for (String profile : record.profiles()) {
      Optional<Profile> shipped = ShippedProfiles.find(profile);
      if (shipped.isEmpty() || !shipped.get().ref().toString().equals(profile)) {
        continue;
      }
      ProgramBundle bundle = ShippedBundles.load(shipped.get());
      if (bundle.name().equals(record.name())
          && new Semver(bundle.version()).compareTo(version) < 0) {
        return Optional.of(new Shipped(bundle.version(), ShippedBundles.files(shipped.get())));
      }
    }
    return Optional.empty();
  }

  BundleFiles bundle(RevisionRecord record) {
    var artifact =
        artifacts
            .find(record.sha256())
            .orElseThrow(
                () -> new IllegalStateException("the artifact of " + record.id() + " is gone"));
    return BundleFiles.fromZip(artifacts.read(artifact, MAX_BUNDLE_ZIP_BYTES));
  }
}
