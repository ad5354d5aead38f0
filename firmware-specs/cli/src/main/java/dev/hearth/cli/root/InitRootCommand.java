package dev.hearth.cli.root;

import dev.hearth.cli.CommandFailure;
import dev.hearth.cli.Exit;
import dev.hearth.cli.support.Documents;
import dev.hearth.cli.support.Expiry;
import dev.hearth.cli.support.HelpOption;
import dev.hearth.cli.support.KeyReference;
import dev.hearth.hardware.profile.ProfileRef;
import dev.hearth.specs.canonical.InvalidFieldException;
import dev.hearth.specs.trust.EnvelopeCodec;
import dev.hearth.specs.trust.NamedKey;
import dev.hearth.specs.trust.Role;
import dev.hearth.specs.trust.RootMetadata;
import dev.hearth.specs.trust.SignedEnvelope;
import dev.hearth.specs.trust.Signer;
import dev.hearth.specs.trust.SigningKey;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hearth root init}: new root metadata, signed by the root keys at hand. */
@Command(
    name = "init",
    header = "Write new root metadata and sign it with the root keys at hand.",
    description = {
      "Write new root metadata and sign it with every root key given as a private key file."
          + " Root key holders who are not present sign later with hearth root sign.",
      "For a rotation, write the next --version with the new keys, then have the previous"
          + " root's key holders sign it too (their threshold hands over, the new one accepts).",
      "Keys are .pub files (or .key files: the owner then comes from the .pub next to them)."
    })
public final class InitRootCommand implements Callable<Integer> {

  private final Clock clock = Clock.systemUTC();

  @Spec CommandSpec spec;

  @Mixin HelpOption help;

  @Option(
      names = "--key",
      required = true,
      paramLabel = "KEY",
      description = "A root key (.key to sign now, or .pub); repeat for each.")
  List<Path> rootKeys;

  @Option(
      names = "--threshold",
      paramLabel = "K",
      defaultValue = "1",
      description = "How many root keys must sign a root (default: ${DEFAULT-VALUE}).")
  int threshold;

  @Option(
      names = "--contributor",
      paramLabel = "KEY",
      description = "A contributor's public key (may author releases); repeatable.")
  List<Path> contributors = new ArrayList<>();

  @Option(
      names = "--maintainer",
      paramLabel = "PROFILE=KEY",
      description =
          "A maintainer of a profile, e.g. open-washer@1=bob.pub (reviews and approves its"
              + " releases); repeatable.")
  List<String> maintainers = new ArrayList<>();

  @Option(
      names = "--profile-threshold",
      paramLabel = "PROFILE=K",
      description =
          "How many maintainers of a profile must approve a release, the author not counted"
              + " (default: 1).")
  Map<String, Integer> profileThresholds = new LinkedHashMap<>();

  @Option(
      names = "--hub",
      required = true,
      paramLabel = "KEY",
      description =
          "The hub's online public key; it signs rollout offers, never firmware. Repeatable.")
  List<Path> hubKeys;

  @Option(
      names = "--hub-threshold",
      paramLabel = "K",
      defaultValue = "1",
      description = "How many hub keys must sign an offer (default: ${DEFAULT-VALUE}).")
  int hubThreshold;

  @Option(
      names = "--version",
      paramLabel = "N",
      defaultValue = "1",
      description = "The root's version: 1, then one more per rotation (default: 1).")
  int version;

  @Option(
      names = "--expires",
      paramLabel = "WHEN",
      defaultValue = "365d",
      converter = Expiry.Converter.class,
      description = "When the root stops vouching for anything (default: ${DEFAULT-VALUE}).")
  Expiry expires;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      defaultValue = "root.json",
      description = "Where to write it (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--force", description = "Replace an existing root file.")
  boolean force;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    if (!force) {
      Documents.requireAbsent(out, "pass --force to replace it, or choose another --out");
    }
    List<NamedKey> keys = new ArrayList<>();
    List<SigningKey> signers = new ArrayList<>();
    List<String> rootIds = new ArrayList<>();
    for (Path file : rootKeys) {
      NamedKey key = KeyReference.publicKey(file);
      keys.add(key);
      rootIds.add(key.keyid());
      if (KeyReference.isPrivateKeyFile(file)) {
        signers.add(KeyReference.signingKey(file));
        KeyReference.warnIfExposed(file, stderr);
      }
    }
    if (signers.isEmpty()) {
      throw CommandFailure.usage(
          "give at least one root key as a private key file (.key): the new root must be signed");
    }
    List<String> contributorIds = new ArrayList<>();
    for (Path file : contributors) {
      NamedKey key = KeyReference.publicKey(file);
      keys.add(key);
      contributorIds.add(key.keyid());
    }
    List<String> hubIds = new ArrayList<>();
    for (Path file : hubKeys) {
      NamedKey key = KeyReference.publicKey(file);
      keys.add(key);
      hubIds.add(key.keyid());
    }
    Map<ProfileRef, List<String>> maintainersByProfile = new LinkedHashMap<>();
    for (String entry : maintainers) {
      int eq = entry.indexOf('=');
      if (eq < 0) {
        throw CommandFailure.usage(
            "--maintainer " + entry + ": write PROFILE=KEY, e.g. open-washer@1=bob.pub");
      }
      ProfileRef profile = profile(entry.substring(0, eq), "--maintainer");
      NamedKey key = KeyReference.publicKey(Path.of(entry.substring(eq + 1)));
      keys.add(key);
      maintainersByProfile.computeIfAbsent(profile, p -> new ArrayList<>()).add(key.keyid());
    }
    Map<ProfileRef, Integer> thresholds = new LinkedHashMap<>();
    profileThresholds.forEach(
        (name, k) -> {
          ProfileRef profile = profile(name, "--profile-threshold");
          if (!maintainersByProfile.containsKey(profile)) {
            throw CommandFailure.usage(
                "--profile-threshold "
                    + profile
                    + ": the profile has no --maintainer; name its maintainers first");
          }
          thresholds.put(profile, k);
        });

    Instant now = clock.instant();
    RootMetadata.Builder builder =
        RootMetadata.builder()
            .version(version)
            .expires(expires.from(now))
            .keys(keys.toArray(NamedKey[]::new))
            .root(role(() -> new Role(rootIds, threshold), "--key/--threshold"))
            .hub(role(() -> new Role(hubIds, hubThreshold), "--hub/--hub-threshold"))
            .contributors(contributorIds.toArray(String[]::new));
    maintainersByProfile.forEach(
        (profile, ids) ->
            builder.profile(
                profile,
                role(
                    () -> new Role(ids, thresholds.getOrDefault(profile, 1)),
                    "--maintainer/--profile-threshold for " + profile)));
    RootMetadata metadata;
    try {
      metadata = builder.build();
    } catch (InvalidFieldException e) {
      throw CommandFailure.usage(
          "these keys and roles do not make a valid root: " + e.getMessage());
    }
    SignedEnvelope envelope = new Signer(signers.get(0)).sign(metadata);
    for (SigningKey key : signers.subList(1, signers.size())) {
      envelope = new Signer(key).addSignature(envelope);
    }
    Documents.replace(out, EnvelopeCodec.write(envelope));

    stdout.println("wrote " + out + ": root v" + version + ", expires " + metadata.expires());
    RootSummary.print(stdout, metadata);
    int signed = envelope.signatures().size();
    stdout.println(
        "signed by "
            + signed
            + " of the "
            + threshold
            + " root key(s) it needs"
            + (signed >= threshold
                ? ""
                : "; the other root key holders run: hearth root sign "
                    + out
                    + " --key THEIR.key"));
    return Exit.OK;
  }

  private static ProfileRef profile(String text, String option) {
    try {
      return ProfileRef.parse(text);
    } catch (IllegalArgumentException e) {
      throw CommandFailure.usage(option + ": " + e.getMessage());
    }
  }

  private static Role role(Supplier<Role> role, String options) {
    try {
      return role.get();
    } catch (InvalidFieldException e) {
      throw CommandFailure.usage(options + ": " + e.problem());
    }
  }
}
