package dev.hearth.bench.rollout;

import dev.hearth.hardware.profile.ProfileRef;
import dev.hearth.specs.canonical.StrictJson;
import dev.hearth.specs.manifest.Artifact;
import dev.hearth.specs.manifest.Manifest;
import dev.hearth.specs.manifest.ManifestKind;
import dev.hearth.specs.manifest.Sha256;
import dev.hearth.specs.trust.EnvelopeCodec;
import dev.hearth.specs.trust.KeyFiles;
import dev.hearth.specs.trust.KeySignature;
import dev.hearth.specs.trust.Role;
import dev.hearth.specs.trust.RootMetadata;
import dev.hearth.specs.trust.SignedEnvelope;
import dev.hearth.specs.trust.Signer;
import dev.hearth.specs.trust.SigningKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The keys of a small release team, kept as private key files in one directory as their holders
 * would keep them offline: a root key, the hub's online key, a contributor, and two maintainers of
 * one hardware profile with an approval threshold of two. Makes the root metadata the hub trusts
 * ({@code root.json} in the same directory) and the signed manifests of agent releases.
 */
public final class ReleaseTeam {

  /** The file of the root metadata, under the team's directory. */
  public static final String ROOT_FILE = "root.json";

  private static final String[] NAMES = {
    "root", "hub", "contributor", "maintainer-1", "maintainer-2"
  };

  private final Path dir;
  private final SigningKey root;
  private final SigningKey hub;
  private final SigningKey contributor;
  private final List<SigningKey> maintainers;

  private ReleaseTeam(Path dir, SigningKey[] keys) {
    this.dir = dir;
    this.root = keys[0];
    this.hub = keys[1];
    this.contributor = keys[2];
    this.maintainers = List.of(keys[3], keys[4]);
  }

  /**
   * Makes the team's keys and the root (version 1, valid a year, {@code profile}'s maintainers with
   * threshold 2) under {@code dir}; one made there before is loaded instead.
   */
  public static ReleaseTeam ensure(Path dir, ProfileRef profile, Instant now) {
    try {
      Files.createDirectories(dir);
      if (Files.isRegularFile(dir.resolve(ROOT_FILE))) {
        return load(dir);
      }
      SigningKey[] keys = new SigningKey[NAMES.length];
      for (int i = 0; i < keys.length; i++) {
        keys[i] = SigningKey.generate();
        KeyFiles.writePrivate(dir.resolve(NAMES[i] + ".key"), keys[i]);
      }
      ReleaseTeam team = new ReleaseTeam(dir, keys);
      RootMetadata metadata =
          RootMetadata.builder()
              .version(1)
              .expires(now.plus(Duration.ofDays(365)))
              .keys(
                  team.root.publicKey("bench-root"),
                  team.hub.publicKey("bench-hub"),
                  team.contributor.publicKey("bench-contributor"),
                  team.maintainers.get(0).publicKey("bench-maintainer-1"),
                  team.maintainers.get(1).publicKey("bench-maintainer-2"))
              .root(Role.of(1, team.root.keyid()))
              .hub(Role.of(1, team.hub.keyid()))
              .contributors(team.contributor.keyid())
              .profile(
                  profile,
                  Role.of(2, team.maintainers.get(0).keyid(), team.maintainers.get(1).keyid()))
              .build();
      Files.write(
          dir.resolve(ROOT_FILE), EnvelopeCodec.write(new Signer(team.root).sign(metadata)));
      return team;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make the release team's keys under " + dir, e);
    }
  }

  /** The team whose keys {@link #ensure} keeps under {@code dir}. */
  public static ReleaseTeam load(Path dir) {
    SigningKey[] keys = new SigningKey[NAMES.length];
    for (int i = 0; i < keys.length; i++) {
      Path file = dir.resolve(NAMES[i] + ".key");
      try {
        keys[i] = KeyFiles.readPrivate(file).orElseThrow();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      }
    }
    return new ReleaseTeam(dir, keys);
  }

  /** The root metadata file to start the hub with. */
  public Path rootFile() {
    return dir.resolve(ROOT_FILE);
  }

  /** The contributor's public key file, to register with the hub. */
  public String contributorKeyFile() {
    return publicKeyFile(contributor, "bench-contributor");
  }

  /** Maintainer {@code i}'s (0 or 1) public key file, to register with the hub. */
  public String maintainerKeyFile(int i) {
    return publicKeyFile(maintainers.get(i), "bench-maintainer-" + (i + 1));
  }

  /** How many maintainers the profile's quorum needs. */
  public int quorum() {
    return maintainers.size();
  }

  /**
   * The manifest of an agent build {@code artifact} at {@code version} for {@code profile}, for
   * agents from {@code minAgentVersion} on, authored by the contributor, valid 90 days.
   */
  public Manifest agentManifest(
      String name,
      String version,
      ProfileRef profile,
      byte[] artifact,
      String minAgentVersion,
      Instant now) {
    return Manifest.builder()
        .name(name)
        .kind(ManifestKind.AGENT)
        .version(version)
        .profiles(profile)
        .minAgentVersion(minAgentVersion)
        .artifact(new Artifact(Sha256.hex(artifact), artifact.length, "application/java-archive"))
        .changelog("Benchmark build " + version)
        .author(contributor.keyid())
        .created(now.minus(Duration.ofMinutes(5)))
        .expires(now.plus(Duration.ofDays(90)))
        .build();
  }

  /** {@code manifest} signed by its author. */
  public SignedEnvelope authored(Manifest manifest) {
    return new Signer(contributor).sign(manifest);
  }

  /** Maintainer {@code i}'s approval of the manifest in {@code envelope}. */
  public KeySignature approval(int i, SignedEnvelope envelope) {
    SigningKey key = maintainers.get(i);
    return new Signer(key)
        .addSignature(envelope).signatures().stream()
            .filter(s -> s.keyid().equals(key.keyid()))
            .findFirst()
            .orElseThrow();
  }

  private static String publicKeyFile(SigningKey key, String owner) {
    return new String(
        StrictJson.write(KeyFiles.toJson(key.publicKey(owner))), StandardCharsets.UTF_8);
  }
}
