package dev.hearth.cli.fw;

import dev.hearth.cli.CommandFailure;
import dev.hearth.cli.Exit;
import dev.hearth.cli.support.BundleSource;
import dev.hearth.cli.support.Converters;
import dev.hearth.cli.support.Documents;
import dev.hearth.cli.support.Expiry;
import dev.hearth.cli.support.HelpOption;
import dev.hearth.cli.support.KeyReference;
import dev.hearth.hardware.profile.ProfileRef;
import dev.hearth.specs.canonical.InvalidFieldException;
import dev.hearth.specs.manifest.Artifact;
import dev.hearth.specs.manifest.Manifest;
import dev.hearth.specs.manifest.ManifestKind;
import dev.hearth.specs.manifest.Sha256;
import dev.hearth.specs.program.ProgramBundle;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.semver4j.Semver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hearth fw pack}: the artifact and its unsigned manifest. */
@Command(
    name = "pack",
    header = "Check and pack a release: artifact and unsigned manifest.",
    description = {
      "Pack a release: check the program bundle against its profile (refusing a bundle with"
          + " problems), write its reproducible zip, and write the unsigned manifest"
          + " <name>-<version>.manifest.json next to it.",
      "With --kind agent, write the manifest of an agent build (the artifact is the jar).",
      "The unsigned manifest is the bare manifest object; hearth fw sign turns it into a signed"
          + " envelope in place. Without --author, the first key to sign becomes the author.",
    })
public final class PackCommand implements Callable<Integer> {

  /** The media type of program bundle artifacts. */
  static final String ZIP = "application/zip";

  /** The media type of agent build artifacts. */
  static final String JAR = "application/java-archive";

  private final Clock clock = Clock.systemUTC();

  @Spec CommandSpec spec;

  @Mixin HelpOption help;

  @Parameters(
      arity = "0..1",
      paramLabel = "BUNDLE",
      description = "The program bundle: a folder with bundle.yaml and programs/, or its zip.")
  Path bundle;

  @Option(
      names = "--kind",
      paramLabel = "KIND",
      converter = Converters.KindConverter.class,
      defaultValue = "program",
      description = "program (a bundle; the default) or agent (an agent build, see --artifact).")
  ManifestKind kind;

  @Option(
      names = "--out",
      paramLabel = "ZIP",
      description =
          "Where to write the bundle zip (default: <name>-<version>.zip in the current folder).")
  Path out;

  @Option(
      names = "--manifest",
      paramLabel = "FILE",
      description =
          "Where to write the manifest (default: <name>-<version>.manifest.json next to the zip,"
              + " or in the current folder for an agent).")
  Path manifestOut;

  @Option(
      names = "--expires",
      paramLabel = "WHEN",
      defaultValue = "180d",
      converter = Expiry.Converter.class,
      description =
          "When the release stops being installable: 180d, 26w, 1y or an instant"
              + " (default: ${DEFAULT-VALUE}).")
  Expiry expires;

  @Option(
      names = "--author",
      paramLabel = "KEY",
      description =
          "The author: a .pub or .key file, or a keyid (default: whoever signs the manifest"
              + " first).")
  String author;

  @Option(
      names = {"--profile", "--profile-file"},
      paramLabel = "PROFILE",
      description = {
        "program: the profile to check the bundle against, id@revision or a profile.yaml path"
            + " (default: the profile bundle.yaml names).",
        "agent: a profile the build runs on, id@revision; repeat for several."
      })
  List<String> profiles = new ArrayList<>();

  @Option(
      names = "--downgrade",
      description =
          "Mark the release as a deliberate downgrade: devices may install it over a newer"
              + " version once the quorum signs it.")
  boolean downgrade;

  @Option(
      names = "--force",
      description = "Replace an existing manifest file (its signatures are lost).")
  boolean force;

  @Option(
      names = "--artifact",
      paramLabel = "JAR",
      description = "agent: the agent build to release.")
  Path artifact;

  @Option(names = "--name", paramLabel = "NAME", description = "agent: the release name.")
  String name;

  @Option(
      names = "--version",
      paramLabel = "VERSION",
      converter = Converters.SemverConverter.class,
      description = "agent: the release version (semver).")
  Semver version;

  @Option(
      names = "--min-agent-version",
      paramLabel = "VERSION",
      converter = Converters.SemverConverter.class,
      description = "agent: the oldest agent that may install it (default: 0.0.0, any).")
  Semver minAgentVersion;

  @Option(
      names = "--changelog",
      paramLabel = "TEXT",
      description = "agent: what changed, for reviewers and owners.")
  String changelog;

  @Override
  public Integer call() {
    return kind == ManifestKind.PROGRAM ? packProgram() : packAgent();
  }

  private int packProgram() {
    PrintWriter stdout = spec.commandLine().getOut();
    if (bundle == null) {
      throw CommandFailure.usage("give the program bundle to pack: hearth fw pack BUNDLE");
    }
    for (String agentOnly : new String[] {"--artifact", "--name", "--version", "--changelog"}) {
      if (spec.commandLine().getParseResult().hasMatchedOption(agentOnly)) {
        throw CommandFailure.usage(
            agentOnly + " is for --kind agent; a program release takes these from bundle.yaml");
      }
    }
    if (profiles.size() > 1) {
      throw CommandFailure.usage(
          "a program bundle is for one profile; give --profile once (or not at all)");
    }
    BundleSource source = BundleSource.open(bundle);
    BundleSource.Checked checked = source.check(profiles.isEmpty() ? null : profiles.get(0));
    if (checked instanceof BundleSource.Problems problems) {
      problems.problems().forEach(stdout::println);
      throw CommandFailure.failed(
          "refusing to pack "
              + bundle
              + ": "
              + count(problems.problems().size(), "problem")
              + "; fix them and check again with: hearth program check "
              + bundle);
    }
    ProgramBundle checkedBundle = ((BundleSource.Ok) checked).bundle();
    stdout.println(
        "checked: "
            + count(checkedBundle.programs().size(), "program")
            + " for "
            + checkedBundle.profile());

    byte[] zip = source.files().toZip();
    Path zipFile =
        out != null ? out : Path.of(checkedBundle.name() + "-" + checkedBundle.version() + ".zip");
    Manifest manifest =
        manifest(
            () ->
                Manifest.builder()
                    .name(checkedBundle.name())
                    .kind(ManifestKind.PROGRAM)
                    .version(checkedBundle.version())
                    .profiles(checkedBundle.profile())
                    .minAgentVersion(checkedBundle.minAgentVersion())
                    .artifact(new Artifact(sha256(zip), zip.length, ZIP))
                    .changelog(checkedBundle.changelog()),
            "bundle.yaml");
    Path manifestFile = manifestFile(zipFile, manifest);
    Documents.replace(zipFile, zip);
    stdout.println("wrote " + zipFile + " (" + zip.length + " bytes, sha256 " + sha256(zip) + ")");
    return writeManifest(stdout, manifestFile, manifest);
  }

  private int packAgent() {
    PrintWriter stdout = spec.commandLine().getOut();
    if (bundle != null || out != null) {
      throw CommandFailure.usage(
          "--kind agent packs the jar given with --artifact; it takes no BUNDLE and no --out"
              + " (use --manifest to name the manifest file)");
    }
    List<String> missing = new ArrayList<>();
    if (artifact == null) {
      missing.add("--artifact JAR");
    }
    if (name == null) {
      missing.add("--name NAME");
    }
    if (version == null) {
      missing.add("--version VERSION");
    }
    if (profiles.isEmpty()) {
      missing.add("--profile ID@REVISION");
    }
    if (changelog == null) {
      missing.add("--changelog TEXT");
    }
    if (!missing.isEmpty()) {
      throw CommandFailure.usage("--kind agent also needs " + String.join(", ", missing));
    }
    List<ProfileRef> refs = new ArrayList<>();
    for (String profile : profiles) {
      try {
        refs.add(ProfileRef.parse(profile));
      } catch (IllegalArgumentException e) {
        throw CommandFailure.usage("--profile: " + e.getMessage());
      }
    }
    long[] size = new long[1];
    String sha256 = sha256(artifact, size);
    Manifest manifest =
        manifest(
            () ->
                Manifest.builder()
                    .name(name)
                    .kind(ManifestKind.AGENT)
                    .version(version)
                    .profiles(refs)
                    .minAgentVersion(
                        minAgentVersion != null ? minAgentVersion : new Semver("0.0.0"))
                    .artifact(new Artifact(sha256, size[0], JAR))
                    .changelog(changelog),
            "the options");
    Path manifestFile = manifestFile(null, manifest);
    stdout.println("artifact " + artifact + " (" + size[0] + " bytes, sha256 " + sha256 + ")");
    return writeManifest(stdout, manifestFile, manifest);
  }

  /** The manifest from the builder's fields plus author, times and downgrade. */
  private Manifest manifest(Supplier<Manifest.Builder> fields, String source) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Instant expiry = expires.from(now);
    if (!expiry.isAfter(now)) {
      throw CommandFailure.usage("--expires " + expires.text() + " is not in the future");
    }
    String authorKeyid = author != null ? KeyReference.keyid(author) : placeholderAuthor();
    try {
      return fields
          .get()
          .author(authorKeyid)
          .created(now)
          .expires(expiry)
          .downgrade(downgrade)
          .build();
    } catch (InvalidFieldException e) {
      throw CommandFailure.usage(
          "cannot write a manifest from " + source + ": " + e.field() + ": " + e.problem());
    }
  }

  // Stands in for the author until the first signer fills it in; never written to the file.
  private static String placeholderAuthor() {
    return "0".repeat(64);
  }

  /**
   * The manifest file: {@code --manifest}, or named after the release, next to {@code sibling} or,
   * when it is null, in the current folder.
   */
  private Path manifestFile(Path sibling, Manifest manifest) {
    String name = ManifestFile.fileName(manifest.name(), manifest.version().getVersion());
    Path file =
        manifestOut != null
            ? manifestOut
            : sibling != null ? sibling.resolveSibling(name) : Path.of(name);
    if (!force) {
      Documents.requireAbsent(
          file, "it may carry signatures; pass --force to replace it, or --manifest elsewhere");
    }
    return file;
  }

  private int writeManifest(PrintWriter stdout, Path file, Manifest manifest) {
    Documents.replace(file, ManifestFile.unsignedDocument(manifest, author != null));
    stdout.println(
        "wrote "
            + file
            + " (unsigned manifest: "
            + manifest.name()
            + " "
            + manifest.version()
            + " "
            + manifest.kind()
            + " for "
            + String.join(", ", manifest.profiles().stream().map(ProfileRef::toString).toList())
            + ", expires "
            + manifest.expires()
            + ")");
    stdout.println("next: hearth fw sign " + file + " --key YOUR.key");
    return Exit.OK;
  }

  static String sha256(byte[] bytes) {
    return Sha256.hex(bytes);
  }

  private static String sha256(Path file, long[] size) {
    try {
      Sha256.Hashed hashed = Sha256.ofFile(file);
      size[0] = hashed.size();
      return hashed.sha256();
    } catch (IOException e) {
      throw CommandFailure.io("read", file, e);
    }
  }

  static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
