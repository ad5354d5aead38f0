package dev.hearth.bench.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.bench.fleet.Fleet;
import dev.hearth.hardware.profile.ProfileRef;
import dev.hearth.specs.manifest.Manifest;
import dev.hearth.specs.manifest.Sha256;
import dev.hearth.specs.trust.DeviceState;
import dev.hearth.specs.trust.EnvelopeCodec;
import dev.hearth.specs.trust.Reason;
import dev.hearth.specs.trust.SignedEnvelope;
import dev.hearth.specs.trust.TrustVerifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.semver4j.Semver;

/** The release team's root and signatures are what a device's trust verifier accepts. */
class ReleaseTeamTest {

  private static final ProfileRef PROFILE = ProfileRef.parse(Fleet.PROFILE);

  @TempDir Path dir;

  @Test
  void aReleaseApprovedByBothMaintainersVerifiesAndTheAuthorAloneIsNotAQuorum() throws Exception {
    Instant now = Instant.now();
    ReleaseTeam team = ReleaseTeam.ensure(dir, PROFILE, now);
    byte[] artifact = {1, 2, 3};
    Manifest manifest =
        team.agentManifest("hearth-agent", "1.0.7", PROFILE, artifact, "0.0.0-dev", now);
    SignedEnvelope authored = team.authored(manifest);
    SignedEnvelope approved =
        authored
            .withSignature(team.approval(0, authored))
            .withSignature(team.approval(1, authored));
    byte[] root = Files.readAllBytes(team.rootFile());
    DeviceState device = DeviceState.fresh(PROFILE, new Semver("0.0.0-dev"));
    TrustVerifier verifier = new TrustVerifier(Clock.systemUTC());

    assertThat(verifier.verify(root, List.of(), EnvelopeCodec.write(approved), device).isAccepted())
        .isTrue();
    assertThat(verifier.verify(root, List.of(), EnvelopeCodec.write(authored), device).reason())
        .isEqualTo(Reason.QUORUM_NOT_MET);
    assertThat(manifest.artifact().sha256()).isEqualTo(Sha256.hex(artifact));
  }

  @Test
  void theKeysAreKeptAndLoadedAgain() {
    ReleaseTeam first = ReleaseTeam.ensure(dir, PROFILE, Instant.now());
    ReleaseTeam again = ReleaseTeam.ensure(dir, PROFILE, Instant.now());

    assertThat(again.contributorKeyFile()).isEqualTo(first.contributorKeyFile());
    assertThat(again.maintainerKeyFile(1)).isEqualTo(first.maintainerKeyFile(1));
  }
}
