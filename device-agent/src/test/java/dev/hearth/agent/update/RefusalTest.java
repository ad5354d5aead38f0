package dev.hearth.agent.update;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.specs.manifest.ManifestKind;
import dev.hearth.specs.wire.UpdateOffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Refused by the device, the reason reported to the hub (issue 5): the manifest is judged by the
 * trust verifier before a byte is fetched; the artifact by its hash after. Nothing is installed.
 */
class RefusalTest {

  private static final TestCommunity COMMUNITY = new TestCommunity();
  private static final byte[] BUNDLE = Bundles.washer("1.1.0");

  @TempDir static Path stateDir;
  private static ArtifactServer hub;
  private static UpdateRig washer;
  private static String sha;

  @BeforeAll
  static void start() throws Exception {
    hub = ArtifactServer.start();
    sha = hub.put(BUNDLE);
    washer = UpdateRig.start(stateDir, COMMUNITY);
  }

  @AfterAll
  static void stop() {
    washer.close();
    hub.close();
  }

  @Test
  void quorumNotMet() {
    ObjectNode onlyAlice = COMMUNITY.signed(release().build(), COMMUNITY.carol, COMMUNITY.alice);
    assertRefusedBeforeDownload("r-quorum", onlyAlice, "QUORUM_NOT_MET", "1 of 2");
  }

  @Test
  void signedOnlyByTheHubsKey() {
    ObjectNode byHub = COMMUNITY.signed(release().build(), COMMUNITY.hub);
    assertRefusedBeforeDownload("r-hub", byHub, "SIGNED_ONLY_BY_HUB", "hub's online key");
  }

  @Test
  void wrongProfile() {
    ObjectNode forMicrowave =
        COMMUNITY.approved(release().profiles(TestCommunity.MICROWAVE).build());
    assertRefusedBeforeDownload("r-profile", forMicrowave, "WRONG_PROFILE", "open-microwave@1");
  }

  @Test
  void olderVersion() {
    ObjectNode older =
        COMMUNITY.approved(
            COMMUNITY
                .manifest(ManifestKind.PROGRAM, "open-washer-programs", "0.9.0", BUNDLE)
                .build());
    assertRefusedBeforeDownload(
        "r-older", older, "VERSION_NOT_NEWER", "older than installed 1.0.0");
  }

  @Test
  void sameVersionAgain() {
    ObjectNode same =
        COMMUNITY.approved(
            COMMUNITY
                .manifest(ManifestKind.PROGRAM, "open-washer-programs", "1.0.0", BUNDLE)
                .build());
    assertRefusedBeforeDownload("r-same", same, "VERSION_NOT_NEWER", "not newer");
  }

  @Test
  void expiredManifest() {
    Instant now = Instant.now();
    ObjectNode expired =
        COMMUNITY.approved(
            release()
                .created(now.minus(Duration.ofDays(10)))
                .expires(now.minus(Duration.ofDays(1)))
                .build());
    assertRefusedBeforeDownload("r-expired", expired, "EXPIRED", "expired at");
  }

  @Test
  void alteredAfterSigning() {
    ObjectNode altered = COMMUNITY.programs("1.1.0", BUNDLE);
    ((ObjectNode) altered.get("signed")).put("changelog", "something else");
    assertRefusedBeforeDownload("r-altered", altered, "BAD_SIGNATURE", "does not verify");
  }

  @Test
  void anAgentTooOldForTheRelease() {
    ObjectNode needsNewer = COMMUNITY.approved(release().minAgentVersion("2.0.0").build());
    assertRefusedBeforeDownload("r-agent", needsNewer, "AGENT_TOO_OLD", "2.0.0");
  }

  @Test
  void anOfferPastItsExpiry() {
    var offer =
        new UpdateOffer(
            "r-offer-expired",
            null,
            COMMUNITY.programs("1.1.0", BUNDLE),
            List.of(hub.url(sha)),
            System.currentTimeMillis() - 1000);
    int before = hub.ranges().size();
    washer.offer(offer);
    JsonNode failed = washer.events.awaitFinal("r-offer-expired");
    assertThat(failed.path("state").asText()).isEqualTo("failed");
    assertThat(failed.path("reason").asText()).isEqualTo("OFFER_EXPIRED");
    assertThat(failed.get("rolloutId").isNull()).isTrue();
    assertThat(hub.ranges()).hasSize(before);
    assertNothingInstalled();
  }

  @Test
  void aTamperedArtifactFailsItsHashAndIsDeleted() throws Exception {
    byte[] tampered = BUNDLE.clone();
    tampered[tampered.length / 2] ^= 0x5a;
    var store = ArtifactServer.start();
    try (store) {
      store.tamper(sha, tampered);
      washer.offer(
          UpdateRig.offer("r-tampered", COMMUNITY.programs("1.1.0", BUNDLE), store.url(sha)));
      JsonNode failed = washer.events.awaitFinal("r-tampered");
      assertThat(failed.path("state").asText()).isEqualTo("failed");
      assertThat(failed.path("reason").asText()).isEqualTo("HASH_MISMATCH");
      assertThat(washer.events.distinctStates("r-tampered"))
          .containsExactly("offered", "downloading", "verifying", "failed");
    }
    assertThat(washer.files.slots(ManifestKind.PROGRAM).partial(sha)).doesNotExist();
    assertNothingInstalled();
  }

  @Test
  void anArtifactOfTheWrongSizeFailsItsSizeCheck() throws Exception {
    var store = ArtifactServer.start();
    try (store) {
      byte[] longer = java.util.Arrays.copyOf(BUNDLE, BUNDLE.length + 4096);
      store.tamper(sha, longer);
      washer.offer(UpdateRig.offer("r-size", COMMUNITY.programs("1.1.0", BUNDLE), store.url(sha)));
      JsonNode failed = washer.events.awaitFinal("r-size");
      assertThat(failed.path("reason").asText()).isEqualTo("SIZE_MISMATCH");
    }
    assertNothingInstalled();
  }

  private dev.hearth.specs.manifest.Manifest.Builder release() {
    return COMMUNITY.manifest(ManifestKind.PROGRAM, "open-washer-programs", "1.1.0", BUNDLE);
  }

  private static void assertRefusedBeforeDownload(
      String offerId, ObjectNode manifest, String reason, String detail) {
    int before = hub.ranges().size();
    washer.offer(UpdateRig.offer(offerId, manifest, hub.url(sha)));
    JsonNode failed = washer.events.awaitFinal(offerId);
    assertThat(failed.path("state").asText()).isEqualTo("failed");
    assertThat(failed.path("reason").asText()).isEqualTo(reason);
    assertThat(failed.path("detail").asText()).contains(detail);
    assertThat(washer.events.distinctStates(offerId)).containsExactly("offered", "failed");
    assertThat(hub.ranges()).as("nothing is downloaded").hasSize(before);
    assertNothingInstalled();
  }

  private static void assertNothingInstalled() {
    assertThat(washer.slots(ManifestKind.PROGRAM)).isEqualTo(SlotTable.SHIPPED);
    assertThat(washer.appliance().bundle().version()).isEqualTo("1.0.0");
  }
}
