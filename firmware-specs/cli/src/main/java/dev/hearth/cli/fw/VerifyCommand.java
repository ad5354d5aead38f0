package dev.hearth.cli.fw;

import dev.hearth.cli.CommandFailure;
import dev.hearth.cli.Exit;
import dev.hearth.cli.support.Converters;
import dev.hearth.cli.support.Documents;
import dev.hearth.cli.support.HelpOption;
import dev.hearth.cli.support.KeyReference;
import dev.hearth.hardware.profile.ProfileRef;
import dev.hearth.specs.manifest.Manifest;
import dev.hearth.specs.trust.DeviceState;
import dev.hearth.specs.trust.InstalledRelease;
import dev.hearth.specs.trust.OwnerPolicy;
import dev.hearth.specs.trust.Reason;
import dev.hearth.specs.trust.TrustVerifier;
import dev.hearth.specs.trust.Verdict;
import dev.hearth.specs.trust.Verification;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.semver4j.Semver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hearth fw verify}: what a device would decide, with the verifier devices run. */
@Command(
    name = "verify",
    header = "Verify a signed manifest as a device would; print the verdict.",
    description = {
      "Verify a signed manifest as a device would: against pinned root metadata (and newer roots"
          + " along the rotation chain), for a device of --profile running --agent-version with"
          + " --installed already installed. Prints ACCEPTED, or the reason and what to do.",
      "With --artifact, also checks the artifact's size and SHA-256 against the manifest.",
      "Exit 0 when accepted (and the artifact matches), 1 otherwise."
    })
public final class VerifyCommand implements Callable<Integer> {

  private final Clock clock = Clock.systemUTC();

  @Spec CommandSpec spec;

  @Mixin HelpOption help;

  @Parameters(index = "0", paramLabel = "MANIFEST", description = "The signed manifest file.")
  Path manifestPath;

  @Option(
      names = "--root",
      required = true,
      paramLabel = "ROOT",
      description = "The root metadata the device pinned (root.json).")
  Path root;

  @Option(
      names = "--newer-root",
      paramLabel = "ROOT",
      description = "A newer root (version +1, +2, ...), in order; repeat for each.")
  List<Path> newerRoots = new ArrayList<>();

  @Option(
      names = "--profile",
      required = true,
      paramLabel = "ID@REVISION",
      converter = Converters.ProfileRefConverter.class,
      description = "The device's hardware profile, e.g. open-washer@1.")
  ProfileRef profile;

  @Option(
      names = "--agent-version",
      paramLabel = "VERSION",
      converter = Converters.SemverConverter.class,
      description = "The device's agent version (default: the manifest's minimum agent version).")
  Semver agentVersion;

  @Option(
      names = "--installed",
      paramLabel = "VERSION",
      converter = Converters.SemverConverter.class,
      description =
          "The version of this release line (same name and kind) the device has installed"
              + " (default: none).")
  Semver installed;

  @Option(
      names = "--require-signer",
      paramLabel = "KEY",
      description =
          "Owner policy: also require a signature by this key (.pub file or keyid); repeatable.")
  List<String> requiredSigners = new ArrayList<>();

  @Option(
      names = "--artifact",
      paramLabel = "FILE",
      description = "The artifact (bundle zip or agent jar) to check against the manifest.")
  Path artifact;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    byte[] manifestBytes = Documents.read(manifestPath);
    byte[] pinned = Documents.read(root);
    List<byte[]> newer = newerRoots.stream().map(Documents::read).toList();
    // Read leniently, only for the device state and hints; the verifier reads it for real.
    Optional<ManifestFile> file = readable(manifestPath);
    Optional<Manifest> claimed = file.flatMap(VerifyCommand::claimedManifest);
    OwnerPolicy policy =
        new OwnerPolicy(requiredSigners.stream().map(KeyReference::keyid).toList(), 0);

    Semver agent =
        agentVersion != null
            ? agentVersion
            : claimed.map(Manifest::minAgentVersion).orElse(new Semver("0.0.0"));
    if (agentVersion == null && claimed.isPresent()) {
      stdout.println(
          "assuming agent "
              + agent
              + " (the manifest's minimum); pass --agent-version for a given device");
    }
    List<InstalledRelease> installedReleases = new ArrayList<>();
    if (installed != null && claimed.isPresent()) {
      installedReleases.add(
          new InstalledRelease(claimed.get().name(), claimed.get().kind(), installed));
    }
    DeviceState device = new DeviceState(profile, agent, installedReleases);

    TrustVerifier verifier = new TrustVerifier(clock);
    Verification verification = verifier.verify(pinned, newer, manifestBytes, device, policy);
    verification
        .trustedRoot()
        .filter(r -> !newerRoots.isEmpty() && verification.reason() != Reason.BROKEN_ROOT_CHAIN)
        .ifPresent(r -> stdout.println("trusted root: v" + r.version() + " (a device pins it)"));
    stdout.println(verification.verdict());
    boolean ok = verification.isAccepted();
    if (!ok) {
      hint(verification.reason(), file).ifPresent(h -> stdout.println("hint: " + h));
    }

    if (artifact != null) {
      Optional<Manifest> against = verification.manifest().or(() -> claimed);
      if (against.isEmpty()) {
        stdout.println("artifact: not checked, the manifest cannot be read");
      } else {
        Verdict matches = artifactVerdict(verifier, against.get());
        stdout.println("artifact: " + matches);
        ok &= matches.isAccepted();
      }
    }
    return ok ? Exit.OK : Exit.FAILED;
  }

  private Verdict artifactVerdict(TrustVerifier verifier, Manifest manifest) {
    try {
      return verifier.verifyArtifact(manifest, artifact);
    } catch (IOException e) {
      throw CommandFailure.io("read", artifact, e);
    }
  }

  private static Optional<ManifestFile> readable(Path path) {
    try {
      return Optional.of(ManifestFile.read(path));
    } catch (CommandFailure e) {
      return Optional.empty();
    }
  }

  private static Optional<Manifest> claimedManifest(ManifestFile file) {
    try {
      return Optional.of(file.manifest(null));
    } catch (CommandFailure e) {
      return Optional.empty();
    }
  }

  /** What the person can do about a rejection. */
  private Optional<String> hint(Reason reason, Optional<ManifestFile> file) {
    String manifest = manifestPath.toString();
    if (file.isPresent() && !file.get().isSigned()) {
      return Optional.of(
          "the manifest is unsigned; its author signs it first: hearth fw sign "
              + manifest
              + " --key AUTHOR.key");
    }
    switch (reason) {
      case QUORUM_NOT_MET:
        return Optional.of(
            "more maintainers of "
                + profile
                + " must review and approve it: hearth fw sign "
                + manifest
                + " --key MAINTAINER.key");
      case AUTHOR_SIGNATURE_MISSING:
        return Optional.of(
            "the author signs with: hearth fw sign "
                + manifest
                + " --key AUTHOR.key; an author must be a contributor or maintainer in the root");
      case UNKNOWN_KEY:
        return Optional.of(
            "none of the signers' keys is in this root; the root key holders add them with"
                + " hearth root init / hearth root sign");
      case BAD_SIGNATURE:
        return Optional.of(
            "the manifest changed after it was signed; pack it again and collect new signatures");
      case EXPIRED:
        return Optional.of("pack again with a later --expires and collect new signatures");
      case VERSION_NOT_NEWER:
        return Optional.of(
            "raise the version (bundle.yaml) and pack again, or pack with --downgrade");
      case WRONG_PROFILE:
        return Optional.of("this release is not for " + profile + "; check --profile");
      default:
        return Optional.empty();
    }
  }
}
