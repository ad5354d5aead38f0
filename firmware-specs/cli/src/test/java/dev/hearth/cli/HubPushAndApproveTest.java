package dev.hearth.cli;

import static dev.hearth.cli.Cli.hearth;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.hub.store.Owner;
import dev.hearth.specs.trust.EnvelopeCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hearth fw push} and {@code hearth fw approve} against a real hub started in-process: the
 * push shows its progress and resumes after an interruption with identical bytes on the hub; two
 * maintainers approve from their own machines and the quorum is met.
 */
class HubPushAndApproveTest {

  @TempDir static Path shared;
  static Community community;
  static HubInProcess hub;
  static String alice;
  static String bob;
  static String carol;

  @TempDir Path dir;

  @BeforeAll
  static void aHubTrustingTheCommunity() throws IOException {
    community = Community.in(shared);
    hub = HubInProcess.start(community.root, shared.resolve("hub-data"));
    alice = hub.login("alice");
    bob = hub.login("bob", Owner.Role.MAINTAINER);
    carol = hub.login("carol", Owner.Role.MAINTAINER);
    hub.registerKey(alice, community.pub("alice"));
    hub.registerKey(bob, community.pub("bob"));
    hub.registerKey(carol, community.pub("carol"));
  }

  @AfterAll
  static void stop() {
    if (hub != null) {
      hub.close();
    }
  }

  @Test
  void aPushShowsItsProgressAndSubmitsTheRevision() throws IOException {
    Release release = packedAndSigned("1.1.0");

    Cli.Run run = push(release, "--chunk-size", "1024");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out())
        .contains("pushing open-washer-programs 1.1.0 (program")
        .contains("uploaded 0% (0 of ")
        .containsPattern("uploaded [3-6]0% \\(2048 of ")
        .contains("uploaded 100% (")
        .containsPattern("submitted rev-[0-9a-f]{12}: validating")
        .contains(hub.url() + "/api/v1/revisions/rev-");
    assertThat(hub.bytes("/api/v1/artifacts/" + sha256(release.zip())))
        .isEqualTo(Files.readAllBytes(release.zip()));
  }

  @Test
  void aPushWhoseConnectionBreaksResumesFromWhatTheHubReceivedWithIdenticalBytes()
      throws IOException {
    Release release = packedAndSigned("1.2.0");
    long size = Files.size(release.zip());
    Cli.Run run;
    // The connection carrying the first chunk breaks after 700 of its bytes.
    try (DroppingProxy flaky = new DroppingProxy(hub.hub.httpPort(), 700, 1)) {
      run = pushTo(flaky.url(), release, "--chunk-size", "2048");
      assertThat(flaky.dropped.get()).isEqualTo(1);
    }

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out())
        .contains("connection lost")
        .containsPattern("resuming upload upl-[0-9a-f]+ at byte 700 of " + size)
        .contains("uploaded 100% (" + size + " of " + size + " bytes)")
        .containsPattern("submitted rev-[0-9a-f]{12}");
    byte[] onHub = hub.bytes("/api/v1/artifacts/" + sha256(release.zip()));
    assertThat(sha256(onHub)).isEqualTo(sha256(release.zip()));
  }

  @Test
  void pushingAgainAfterAKilledPushContinuesWhereTheHubStands() throws IOException {
    Release release = packedAndSigned("1.6.0");
    byte[] zip = Files.readAllBytes(release.zip());
    // What a push killed after its first kilobyte left on the hub.
    JsonNode upload =
        hub.call(
            "POST",
            "/api/v1/uploads",
            alice,
            "{\"sha256\":\"" + sha256(zip) + "\",\"size\":" + zip.length + "}");
    hub.patch(upload.get("id").asText(), alice, 0, java.util.Arrays.copyOf(zip, 1024));

    Cli.Run run = push(release);

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out())
        .contains("resuming upload " + upload.get("id").asText() + " at byte 1024 of " + zip.length)
        .doesNotContain("uploaded 0%")
        .contains("uploaded 100%");
    assertThat(hub.bytes("/api/v1/artifacts/" + sha256(zip))).isEqualTo(zip);
  }

  @Test
  void anArtifactThatIsNotTheManifestsIsRefusedBeforeAnythingIsSent() throws IOException {
    Release release = packedAndSigned("1.3.0");
    Path other = dir.resolve("other.zip");
    Files.write(other, new byte[] {1, 2, 3});

    Cli.Run run =
        hearth(
            "fw",
            "push",
            release.manifest(),
            "--artifact",
            other,
            "--hub",
            hub.url(),
            "--token",
            alice);

    assertThat(run.exitCode()).isEqualTo(Exit.USAGE);
    assertThat(run.err()).contains("is not the artifact").contains("SIZE_MISMATCH");
  }

  @Test
  void twoMaintainersApproveFromTheirOwnKeysUntilTheQuorumIsMet() throws IOException {
    // An agent build: nothing to simulate, so it is ready for review at once.
    Path jar = dir.resolve("hearth-agent.jar");
    byte[] bytes = new byte[20_000];
    new Random(7).nextBytes(bytes);
    Files.write(jar, bytes);
    Path manifest = dir.resolve("hearth-agent-0.2.0.manifest.json");
    Cli.Run packed =
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
            "faster boot",
            "--manifest",
            manifest);
    assertThat(packed.exitCode()).as(packed.toString()).isZero();
    assertThat(hearth("fw", "sign", manifest, "--key", community.key("alice")).exitCode()).isZero();
    Cli.Run pushed =
        hearth("fw", "push", manifest, "--artifact", jar, "--hub", hub.url(), "--token", alice);
    assertThat(pushed.exitCode()).as(pushed.toString()).isZero();
    String id = pushed.out().replaceAll("(?s).*submitted (rev-[0-9a-f]{12}).*", "$1");

    Path bobToken = dir.resolve("bob.token");
    Files.writeString(bobToken, bob + "\n");
    Cli.Run first =
        hearth(
            "fw",
            "approve",
            id,
            "--key",
            community.key("bob"),
            "--hub",
            hub.url(),
            "--token-file",
            bobToken);
    assertThat(first.exitCode()).as(first.toString()).isZero();
    assertThat(first.out())
        .contains("reviewing " + id + ": hearth-agent 0.2.0 (agent)")
        .contains("approved " + id)
        .contains("open-washer@1: 1 of 2 maintainer approvals")
        .doesNotContain("quorum met");

    Cli.Run second =
        hearth(
            "fw",
            "approve",
            id,
            "--key",
            community.key("carol"),
            "--hub",
            hub.url(),
            "--token",
            carol);
    assertThat(second.out()).contains("2 of 2 maintainer approvals (quorum met");

    JsonNode revision = hub.get("/api/v1/revisions/" + id, bob);
    assertThat(revision.get("status").asText()).isEqualTo("approved");
    assertThat(EnvelopeCodec.read(revision.get("manifest")).orElseThrow().signatures()).hasSize(3);
    hub.call("POST", "/api/v1/revisions/" + id + "/releases", bob, "{\"channel\":\"beta\"}");
  }

  @Test
  void anApprovalByAKeyTheAccountDidNotRegisterIsRefusedWithTheHubsReason() throws IOException {
    Release release = packedAndSigned("1.4.0");
    Cli.Run pushed = push(release);
    String id = pushed.out().replaceAll("(?s).*submitted (rev-[0-9a-f]{12}).*", "$1");

    Cli.Run run =
        hearth(
            "fw",
            "approve",
            id,
            "--key",
            community.key("carol"),
            "--hub",
            hub.url(),
            "--token",
            bob);

    assertThat(run.exitCode()).isEqualTo(Exit.FAILED);
    assertThat(run.err()).contains("unknown-key").contains("not registered to your account");
  }

  @Test
  void pushingWithoutATokenSaysHowToLogIn() throws IOException {
    Release release = packedAndSigned("1.5.0");

    Cli.Run run =
        hearth("fw", "push", release.manifest(), "--artifact", release.zip(), "--hub", hub.url());

    assertThat(run.exitCode()).isEqualTo(Exit.USAGE);
    assertThat(run.err()).contains("--token, --token-file or HEARTH_TOKEN");
  }

  private record Release(Path manifest, Path zip) {}

  private Release packedAndSigned(String version) throws IOException {
    Path bundle = Bundles.copyOfWasher(dir);
    Bundles.edit(bundle.resolve("bundle.yaml"), "version: 1.0.0", "version: " + version);
    Path zip = dir.resolve("dist").resolve("open-washer-programs-" + version + ".zip");
    Cli.Run packed = hearth("fw", "pack", bundle, "--out", zip);
    assertThat(packed.exitCode()).as(packed.toString()).isZero();
    Path manifest = zip.resolveSibling("open-washer-programs-" + version + ".manifest.json");
    Cli.Run signed = hearth("fw", "sign", manifest, "--key", community.key("alice"));
    assertThat(signed.exitCode()).as(signed.toString()).isZero();
    return new Release(manifest, zip);
  }

  private static Cli.Run push(Release release, Object... options) {
    return pushTo(hub.url(), release, options);
  }

  private static Cli.Run pushTo(String url, Release release, Object... options) {
    List<Object> args =
        new ArrayList<>(
            List.of(
                "fw",
                "push",
                release.manifest(),
                "--artifact",
                release.zip(),
                "--hub",
                url,
                "--token",
                alice,
                "--progress=PLAIN"));
    args.addAll(List.of(options));
    return hearth(args.toArray());
  }

  private static String sha256(Path file) throws IOException {
    return sha256(Files.readAllBytes(file));
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
