package dev.hearth.cli;

import static dev.hearth.cli.Cli.hearth;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.specs.canonical.StrictJson;
import dev.hearth.specs.manifest.Manifest;
import dev.hearth.specs.manifest.ManifestCodec;
import dev.hearth.specs.trust.EnvelopeCodec;
import dev.hearth.specs.trust.KeyFiles;
import dev.hearth.specs.trust.SignedEnvelope;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A contributor's release, end to end through the CLI: a root made with {@code root init}, a bundle
 * packed, signed by its author, refused until the profile's quorum of two maintainers has approved,
 * then accepted; tampering and bad keys are caught.
 */
class ReleaseJourneyTest {

  @TempDir static Path shared;
  static Community community;

  @TempDir Path dir;

  @BeforeAll
  static void aCommunityWithARoot() {
    community = Community.in(shared);
  }

  @Test
  void aReleaseIsAcceptedOnlyOnceTwoMaintainersApproved() throws IOException {
    Release release = pack(bumpedWasher());
    assertThat(Files.readString(release.manifest)).doesNotContain("\"signatures\"");

    Cli.Run unsigned = verify(release);
    assertThat(unsigned.exitCode()).isEqualTo(Exit.FAILED);
    assertThat(unsigned.out()).contains("MALFORMED").contains("hint: the manifest is unsigned");

    sign(release, "alice");
    Cli.Run authorOnly = verify(release);
    assertThat(authorOnly.exitCode()).isEqualTo(Exit.FAILED);
    assertThat(authorOnly.out())
        .contains("QUORUM_NOT_MET: quorum not met for open-washer@1: 0 of 2")
        .contains("hint: more maintainers of open-washer@1 must review");

    Cli.Run bob = sign(release, "bob");
    assertThat(bob.out()).contains("as an approval").contains("signatures: 2");
    Cli.Run oneMaintainer = verify(release);
    assertThat(oneMaintainer.exitCode()).isEqualTo(Exit.FAILED);
    assertThat(oneMaintainer.out())
        .contains("QUORUM_NOT_MET: quorum not met for open-washer@1: 1 of 2")
        .contains("valid: bob");

    sign(release, "carol");
    Cli.Run accepted = verify(release, "--installed", "1.0.0", "--artifact", release.zip);
    assertThat(accepted.exitCode()).as(accepted.toString()).isZero();
    assertThat(accepted.out())
        .contains("ACCEPTED: open-washer-programs 1.1.0 (program) for open-washer@1")
        .contains("author alice, approved by bob, carol (threshold 2)")
        .contains("artifact: ACCEPTED");
  }

  @Test
  void theFirstSignerBecomesTheAuthorUnlessPackNamedOne() throws IOException {
    Release release = pack(bumpedWasher());

    Cli.Run signed = sign(release, "alice");

    assertThat(signed.out()).contains("as its author").contains("the first signer becomes");
    assertThat(envelope(release).signed().get("author").asText())
        .isEqualTo(keyid(community.pub("alice")));
  }

  @Test
  void packNamesTheAuthorGivenByPublicKeyFile() throws IOException {
    Release release = pack(bumpedWasher(), "--author", community.pub("alice"));
    Manifest unsigned = ManifestCodec.parse(Files.readAllBytes(release.manifest)).orElseThrow();
    assertThat(unsigned.author()).isEqualTo(keyid(community.pub("alice")));

    Cli.Run bobFirst = sign(release, "bob");

    assertThat(bobFirst.out()).contains("as an approval").doesNotContain("first signer");
  }

  @Test
  void aTamperedArtifactIsAHashMismatch() throws IOException {
    Release release = approved(pack(bumpedWasher()));
    byte[] zip = Files.readAllBytes(release.zip);
    zip[zip.length / 2] ^= 1;
    Path tampered = dir.resolve("tampered.zip");
    Files.write(tampered, zip);

    Cli.Run run = verify(release, "--artifact", tampered);

    assertThat(run.exitCode()).isEqualTo(Exit.FAILED);
    assertThat(run.out()).contains("artifact: HASH_MISMATCH: artifact SHA-256 is");
  }

  @Test
  void aReviewerCannotSignAnArtifactOtherThanTheOneTheManifestNames() throws IOException {
    Release release = pack(bumpedWasher());
    sign(release, "alice");
    byte[] before = Files.readAllBytes(release.manifest);
    Path other = dir.resolve("other.zip");
    Files.write(other, new byte[] {1, 2, 3});

    Cli.Run run =
        hearth("fw", "sign", release.manifest, "--key", community.key("bob"), "--artifact", other);

    assertThat(run.exitCode()).isEqualTo(Exit.FAILED);
    assertThat(run.out()).contains("SIZE_MISMATCH");
    assertThat(run.err()).contains("refusing to sign");
    assertThat(Files.readAllBytes(release.manifest)).isEqualTo(before);
  }

  @Test
  void aManifestChangedAfterSigningIsABadSignature() throws IOException {
    Release release = approved(pack(bumpedWasher()));
    String text = Files.readString(release.manifest);
    Files.writeString(release.manifest, text.replace("\"1.1.0\"", "\"1.1.1\""));

    Cli.Run run = verify(release);

    assertThat(run.exitCode()).isEqualTo(Exit.FAILED);
    assertThat(run.out()).contains("BAD_SIGNATURE").contains("hint: the manifest changed");
  }

  @Test
  void theInstalledVersionIsNeverInstalledAgain() throws IOException {
    Release release = approved(pack(bumpedWasher()));

    Cli.Run run = verify(release, "--installed", "1.1.0");

    assertThat(run.exitCode()).isEqualTo(Exit.FAILED);
    assertThat(run.out()).contains("VERSION_NOT_NEWER");
  }

  @Test
  void aDeviceOfAnotherProfileRefusesIt() throws IOException {
    Release release = approved(pack(bumpedWasher()));

    Cli.Run run =
        hearth("fw", "verify", release.manifest, "--root", community.root, "--profile", "x@1");

    assertThat(run.exitCode()).isEqualTo(Exit.FAILED);
    assertThat(run.out()).contains("WRONG_PROFILE");
  }

  @Test
  void packRefusesABrokenBundleAndWritesNothing() throws IOException {
    Path bundle = bumpedWasher();
    Bundles.edit(bundle.resolve("programs/drain.yaml"), "timeout:", "tmeout:");
    Path out = dir.resolve("dist");

    Cli.Run run = hearth("fw", "pack", bundle, "--out", out.resolve("b.zip"));

    assertThat(run.exitCode()).isEqualTo(Exit.FAILED);
    assertThat(run.out()).containsPattern("programs/drain\\.yaml:\\d+:\\d+: ");
    assertThat(run.err()).contains("refusing to pack");
    assertThat(out).doesNotExist();
  }

  @Test
  void packNeverOverwritesAManifestThatMayCarrySignatures() throws IOException {
    Release release = pack(bumpedWasher());
    sign(release, "alice");
    byte[] signed = Files.readAllBytes(release.manifest);

    Cli.Run again = hearth("fw", "pack", dir.resolve("open-washer"), "--out", release.zip);

    assertThat(again.exitCode()).isEqualTo(Exit.IO);
    assertThat(again.err()).contains("refusing to overwrite").contains("--force");
    assertThat(Files.readAllBytes(release.manifest)).isEqualTo(signed);
  }

  @Test
  void packingTwiceGivesTheSameZip() throws IOException {
    Path bundle = bumpedWasher();
    Path first = dir.resolve("1/b.zip");
    Path second = dir.resolve("2/b.zip");
    hearth("fw", "pack", bundle, "--out", first);
    hearth("fw", "pack", bundle, "--out", second);

    assertThat(Files.readAllBytes(first)).isEqualTo(Files.readAllBytes(second));
  }

  @Test
  void aBrokenKeyFileIsAUsageErrorNamingTheField() throws IOException {
    Release release = pack(bumpedWasher());
    Path bad = dir.resolve("bad.key");
    String good = Files.readString(community.key("alice"));
    Files.writeString(bad, good.replaceFirst("\"private\" : \"[A-Za-z0-9+/]", "\"private\" : \"!"));

    Cli.Run run = hearth("fw", "sign", release.manifest, "--key", bad);

    assertThat(run.exitCode()).isEqualTo(Exit.USAGE);
    assertThat(run.err()).contains("bad.key is not a valid private key file: /private:");
  }

  @Test
  void signingWithAPublicKeySaysWhichFileToUse() throws IOException {
    Release release = pack(bumpedWasher());

    Cli.Run run = hearth("fw", "sign", release.manifest, "--key", community.pub("alice"));

    assertThat(run.exitCode()).isEqualTo(Exit.USAGE);
    assertThat(run.err()).contains("is a public key file").contains("private key file (.key)");
  }

  @Test
  void aMissingKeyFileIsAnIoError() throws IOException {
    Release release = pack(bumpedWasher());

    Cli.Run run = hearth("fw", "sign", release.manifest, "--key", dir.resolve("nobody.key"));

    assertThat(run.exitCode()).isEqualTo(Exit.IO);
    assertThat(run.err()).contains("nobody.key: no such file");
  }

  @Test
  void anAgentBuildIsPackedAsAManifestForItsJar() throws IOException {
    Path jar = dir.resolve("hearth-agent.jar");
    Files.write(jar, new byte[4096]);

    Cli.Run run =
        hearth(
            "fw",
            "pack",
            "--kind",
            "agent",
            "--artifact",
            jar,
            "--name",
            "hearth-agent",
            "--version",
            "0.2.0",
            "--profile",
            "open-washer@1",
            "--changelog",
            "Reconnects faster",
            "--manifest",
            dir.resolve("agent.manifest.json"));

    assertThat(run.exitCode()).as(run.toString()).isZero();
    Manifest manifest =
        manifestWithoutAuthor(Files.readAllBytes(dir.resolve("agent.manifest.json")));
    assertThat(manifest.kind().jsonName()).isEqualTo("agent");
    assertThat(manifest.artifact().size()).isEqualTo(4096);
    assertThat(manifest.artifact().mediaType()).isEqualTo("application/java-archive");
    Release release = new Release(dir.resolve("agent.manifest.json"), jar);
    approved(release);
    assertThat(verify(release, "--artifact", jar).exitCode()).isZero();
  }

  @Test
  void anAgentBuildNeedsItsFields() {
    Cli.Run run = hearth("fw", "pack", "--kind", "agent", "--name", "hearth-agent");

    assertThat(run.exitCode()).isEqualTo(Exit.USAGE);
    assertThat(run.err()).contains("--artifact JAR", "--version VERSION", "--changelog TEXT");
  }

  @Test
  void aRotatedRootIsFollowedOnlyOnceThePreviousRootKeysHandedOver() throws IOException {
    Release release = approved(pack(bumpedWasher()));
    Path dir2 = Files.createDirectories(dir.resolve("v2"));
    hearth("keys", "generate", "--out", dir2.resolve("new-root"), "--owner", "new-root");
    Path root2 = dir2.resolve("root2.json");
    Cli.Run init =
        hearth(
            "root",
            "init",
            "--version",
            "2",
            "--key",
            dir2.resolve("new-root.key"),
            "--contributor",
            community.pub("alice"),
            "--maintainer",
            "open-washer@1=" + community.pub("bob"),
            "--maintainer",
            "open-washer@1=" + community.pub("carol"),
            "--profile-threshold",
            "open-washer@1=2",
            "--hub",
            community.pub("hub"),
            "--out",
            root2);
    assertThat(init.exitCode()).as(init.toString()).isZero();

    Cli.Run broken = verify(release, "--newer-root", root2);
    assertThat(broken.exitCode()).isEqualTo(Exit.FAILED);
    assertThat(broken.out()).contains("BROKEN_ROOT_CHAIN");

    Cli.Run handOver = hearth("root", "sign", root2, "--key", community.key("root"));
    assertThat(handOver.exitCode()).isZero();
    assertThat(handOver.out()).contains("not a root key of v2").contains("rotation");

    Cli.Run followed = verify(release, "--newer-root", root2);
    assertThat(followed.exitCode()).as(followed.toString()).isZero();
    assertThat(followed.out()).contains("trusted root: v2").contains("ACCEPTED");
  }

  @Test
  void anOwnerPolicyCanRequireASigner() throws IOException {
    Release release = approved(pack(bumpedWasher()));
    hearth("keys", "generate", "--out", dir.resolve("dave"), "--owner", "dave");

    Cli.Run run = verify(release, "--require-signer", dir.resolve("dave.pub"));

    assertThat(run.exitCode()).isEqualTo(Exit.FAILED);
    assertThat(run.out()).contains("OWNER_POLICY_NOT_MET");
  }

  /** A packed release: its manifest file and its artifact. */
  private record Release(Path manifest, Path zip) {}

  private Path bumpedWasher() throws IOException {
    Path bundle = Bundles.copyOfWasher(dir);
    Bundles.edit(bundle.resolve("bundle.yaml"), "version: 1.0.0", "version: 1.1.0");
    return bundle;
  }

  private Release pack(Path bundle, Object... options) {
    Path zip = dir.resolve("dist").resolve("open-washer-programs-1.1.0.zip");
    Object[] args = new Object[5 + options.length];
    System.arraycopy(new Object[] {"fw", "pack", bundle, "--out", zip}, 0, args, 0, 5);
    System.arraycopy(options, 0, args, 5, options.length);
    Cli.Run run = hearth(args);
    assertThat(run.exitCode()).as(run.toString()).isZero();
    Path manifest = zip.resolveSibling("open-washer-programs-1.1.0.manifest.json");
    assertThat(run.out()).contains("wrote " + zip).contains("wrote " + manifest);
    return new Release(manifest, zip);
  }

  private Release approved(Release release) {
    sign(release, "alice");
    sign(release, "bob");
    sign(release, "carol");
    return release;
  }

  private static Cli.Run sign(Release release, String who) {
    Cli.Run run = hearth("fw", "sign", release.manifest, "--key", community.key(who));
    assertThat(run.exitCode()).as(run.toString()).isZero();
    return run;
  }

  private static Cli.Run verify(Release release, Object... options) {
    Object[] args = new Object[7 + options.length];
    System.arraycopy(
        new Object[] {
          "fw", "verify", release.manifest, "--root", community.root, "--profile", "open-washer@1"
        },
        0,
        args,
        0,
        7);
    System.arraycopy(options, 0, args, 7, options.length);
    return hearth(args);
  }

  private static SignedEnvelope envelope(Release release) throws IOException {
    return EnvelopeCodec.parse(Files.readAllBytes(release.manifest)).orElseThrow();
  }

  private static String keyid(Path pub) throws IOException {
    return KeyFiles.readPublic(pub).orElseThrow().keyid();
  }

  private static Manifest manifestWithoutAuthor(byte[] document) {
    var json =
        (com.fasterxml.jackson.databind.node.ObjectNode) StrictJson.parse(document).orElseThrow();
    assertThat(json.has("author")).isFalse();
    json.put("author", "0".repeat(64));
    return ManifestCodec.read(json).orElseThrow();
  }
}
