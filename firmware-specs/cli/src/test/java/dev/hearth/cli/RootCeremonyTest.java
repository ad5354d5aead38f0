package dev.hearth.cli;

import static dev.hearth.cli.Cli.hearth;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.hardware.profile.ProfileRef;
import dev.hearth.specs.trust.EnvelopeCodec;
import dev.hearth.specs.trust.RootCodec;
import dev.hearth.specs.trust.RootMetadata;
import dev.hearth.specs.trust.SignedEnvelope;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RootCeremonyTest {

  @TempDir static Path shared;
  static Community community;

  @TempDir Path dir;

  @BeforeAll
  static void keys() {
    community = Community.in(shared);
  }

  @Test
  void initWritesASignedRootNamingEveryRole() throws IOException {
    RootMetadata root = read(community.root);
    SignedEnvelope envelope = EnvelopeCodec.parse(Files.readAllBytes(community.root)).orElseThrow();

    assertThat(root.version()).isEqualTo(1);
    assertThat(root.contributors()).hasSize(1);
    assertThat(root.maintainers(ProfileRef.parse("open-washer@1")).orElseThrow().threshold())
        .isEqualTo(2);
    assertThat(root.describe(root.hub().keyids().get(0))).isEqualTo("hub");
    assertThat(envelope.signatures())
        .singleElement()
        .satisfies(s -> root.root().contains(s.keyid()));
  }

  @Test
  void aThresholdAboveTheKeysIsAUsageErrorNamingTheOptions() {
    Cli.Run run = init("--threshold", "2");

    assertThat(run.exitCode()).isEqualTo(Exit.USAGE);
    assertThat(run.err()).contains("--key/--threshold").contains("must be 1 to 1");
    assertThat(dir.resolve("root.json")).doesNotExist();
  }

  @Test
  void theHubKeyCannotHoldAnotherRole() {
    Cli.Run run = init("--contributor", community.pub("hub"));

    assertThat(run.exitCode()).isEqualTo(Exit.USAGE);
    assertThat(run.err()).contains("hub key").contains("no other role");
  }

  @Test
  void aRootNeedsAtLeastOneRootKeyThatCanSign() {
    List<Object> args = new ArrayList<>(community.rootInit(dir.resolve("root.json")));
    args.set(args.indexOf(community.key("root")), community.pub("root"));

    Cli.Run run = hearth(args.toArray());

    assertThat(run.exitCode()).isEqualTo(Exit.USAGE);
    assertThat(run.err()).contains("at least one root key as a private key file");
  }

  @Test
  void aProfileThresholdNeedsMaintainers() {
    Cli.Run run = init("--profile-threshold", "open-microwave@1=1");

    assertThat(run.exitCode()).isEqualTo(Exit.USAGE);
    assertThat(run.err()).contains("open-microwave@1: the profile has no --maintainer");
  }

  @Test
  void initNeverOverwritesARoot() throws IOException {
    byte[] before = Files.readAllBytes(community.root);

    Cli.Run run = hearth(community.rootInit(community.root).toArray());

    assertThat(run.exitCode()).isEqualTo(Exit.IO);
    assertThat(Files.readAllBytes(community.root)).isEqualTo(before);
  }

  @Test
  void aSecondRootKeyHolderSignsLater() throws IOException {
    hearth("keys", "generate", "--out", dir.resolve("second"), "--owner", "second");
    Cli.Run first = init("--key", dir.resolve("second.pub"), "--threshold", "2", "--version", "1");
    assertThat(first.exitCode()).as(first.toString()).isZero();
    assertThat(first.out()).contains("signed by 1 of the 2").contains("hearth root sign");

    Cli.Run second =
        hearth("root", "sign", dir.resolve("root.json"), "--key", dir.resolve("second.key"));

    assertThat(second.exitCode()).as(second.toString()).isZero();
    assertThat(second.out())
        .contains("with root key second")
        .contains("root keys of v1 that signed: 2 of the 2 needed");
    assertThat(
            EnvelopeCodec.parse(Files.readAllBytes(dir.resolve("root.json")))
                .orElseThrow()
                .signatures())
        .hasSize(2);
  }

  @Test
  void rootSignRefusesAManifest() throws IOException {
    Path manifest = dir.resolve("m.json");
    Files.writeString(manifest, "{\"type\": \"hearth-manifest\"}");

    Cli.Run run = hearth("root", "sign", manifest, "--key", community.key("root"));

    assertThat(run.exitCode()).isEqualTo(Exit.USAGE);
    assertThat(run.err()).contains("m.json is not signed root metadata");
  }

  private Cli.Run init(Object... extra) {
    List<Object> args = new ArrayList<>(community.rootInit(dir.resolve("root.json")));
    args.addAll(List.of(extra));
    return hearth(args.toArray());
  }

  private static RootMetadata read(Path file) throws IOException {
    SignedEnvelope envelope = EnvelopeCodec.parse(Files.readAllBytes(file)).orElseThrow();
    return RootCodec.read(envelope.signed()).orElseThrow();
  }
}
