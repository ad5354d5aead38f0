package dev.hearth.agent.update;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.specs.manifest.ManifestKind;
import dev.hearth.specs.wire.UpdateOffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A program release from offer to commit, and the two ways it rolls back, on a whole washer. */
class ProgramUpdateTest {

  @TempDir Path stateDir;
  private final TestCommunity community = new TestCommunity();
  private ArtifactServer hub;
  private UpdateRig washer;

  @BeforeEach
  void start() throws Exception {
    hub = ArtifactServer.start();
    washer = UpdateRig.start(stateDir, community);
  }

  @AfterEach
  void stop() {
    washer.close();
    hub.close();
  }

  @Test
  void aSignedProgramReleaseGoesThroughEveryStateAndRunsAtOnce() throws Exception {
    byte[] bundle = Bundles.washer("1.1.0");
    String sha = hub.put(bundle);
    washer.offer(UpdateRig.offer("o-1", community.programs("1.1.0", bundle), hub.url(sha)));

    JsonNode committed = washer.events.awaitFinal("o-1");
    assertThat(committed.path("state").asText()).isEqualTo("committed");
    assertThat(washer.events.distinctStates("o-1"))
        .containsExactly(
            "offered",
            "downloading",
            "verifying",
            "installing",
            "rebooting",
            "health-check",
            "committed");
    assertThat(committed.path("name").asText()).isEqualTo("open-washer-programs");
    assertThat(committed.path("kind").asText()).isEqualTo("program");
    assertThat(committed.path("version").asText()).isEqualTo("1.1.0");
    assertThat(committed.path("from").asText()).isEqualTo("1.0.0");
    assertThat(committed.path("rolloutId").asText()).isEqualTo("rollout-1");
    assertThat(committed.get("reason").isNull()).isTrue();
    assertThat(washer.events.of("o-1"))
        .filteredOn(d -> d.path("state").asText().equals("downloading"))
        .last()
        .satisfies(d -> assertThat(d.path("progress").asDouble()).isEqualTo(1.0));

    assertThat(washer.appliance().bundle().version()).isEqualTo("1.1.0");
    SlotTable slots = washer.slots(ManifestKind.PROGRAM);
    assertThat(slots.active()).contains(Slot.A);
    assertThat(slots.trial()).isEmpty();
    assertThat(Files.readAllBytes(washer.files.slots(ManifestKind.PROGRAM).artifact(Slot.A)))
        .isEqualTo(bundle);
    assertThat(washer.files.slots(ManifestKind.PROGRAM).partial(sha)).doesNotExist();
  }

  @Test
  void theSameOfferAgainIsAnsweredWithItsStateAndNotRedone() throws Exception {
    byte[] bundle = Bundles.washer("1.1.0");
    String sha = hub.put(bundle);
    UpdateOffer offer = UpdateRig.offer("o-2", community.programs("1.1.0", bundle), hub.url(sha));
    washer.offer(offer);
    washer.events.awaitFinal("o-2");
    int requests = hub.ranges().size();

    washer.offer(offer);
    washer = washer.restart(RunningAgent.fromProperty(RunningAgent.SHIPPED));
    washer.offer(offer);

    RecordingEvents.sleep(200);
    assertThat(washer.events.states("o-2")).containsExactly("committed", "committed");
    assertThat(hub.ranges()).hasSize(requests);
    assertThat(washer.appliance().bundle().version()).isEqualTo("1.1.0");
  }

  @Test
  void aCommittedReleaseIsWhatTheNextStartRunsAndTheNextUpdateGoesToTheOtherSlot()
      throws Exception {
    byte[] first = Bundles.washer("1.1.0");
    washer.offer(
        UpdateRig.offer("o-3", community.programs("1.1.0", first), hub.url(hub.put(first))));
    washer.events.await("o-3", "committed");

    washer = washer.restart(RunningAgent.fromProperty(RunningAgent.SHIPPED));
    assertThat(washer.appliance().bundle().version()).isEqualTo("1.1.0");
    assertThat(washer.boot.bundle().slot()).contains(Slot.A);

    byte[] second = Bundles.washer("1.2.0");
    washer.offer(
        UpdateRig.offer("o-4", community.programs("1.2.0", second), hub.url(hub.put(second))));
    JsonNode committed = washer.events.await("o-4", "committed");
    assertThat(committed.path("from").asText()).isEqualTo("1.1.0");
    SlotTable slots = washer.slots(ManifestKind.PROGRAM);
    assertThat(slots.active()).contains(Slot.B);
    assertThat(slots.fallback()).contains(Slot.A);
    assertThat(washer.appliance().bundle().version()).isEqualTo("1.2.0");
  }

  @Test
  void aBundleThatDoesNotLoadFailsItsHealthCheckAndTheWasherRollsBack() throws Exception {
    byte[] broken = Bundles.forTheWrongAppliance("1.1.0");
    washer.offer(
        UpdateRig.offer("o-5", community.programs("1.1.0", broken), hub.url(hub.put(broken))));

    JsonNode rolledBack = washer.events.awaitFinal("o-5");
    assertThat(rolledBack.path("state").asText()).isEqualTo("rolled-back");
    assertThat(rolledBack.path("reason").asText()).isEqualTo("HEALTH_CHECK_FAILED");
    assertThat(rolledBack.path("detail").asText()).contains("open-microwave@1");
    assertThat(washer.events.distinctStates("o-5"))
        .endsWith("installing", "rebooting", "health-check", "rolled-back");
    assertThat(washer.appliance().bundle().version()).isEqualTo("1.0.0");
    SlotTable slots = washer.slots(ManifestKind.PROGRAM);
    assertThat(slots.active()).isEmpty();
    assertThat(slots.trial()).isEmpty();
  }

  @Test
  void aReleaseThatCannotReachTheHubInTimeRollsBackToThePreviousSlot() throws Exception {
    byte[] first = Bundles.washer("1.1.0");
    washer.offer(
        UpdateRig.offer("o-6", community.programs("1.1.0", first), hub.url(hub.put(first))));
    washer.events.await("o-6", "committed");

    washer.hubOnline.set(false);
    byte[] second = Bundles.washer("1.2.0");
    washer.offer(
        UpdateRig.offer("o-7", community.programs("1.2.0", second), hub.url(hub.put(second))));

    JsonNode rolledBack = washer.events.awaitFinal("o-7");
    assertThat(rolledBack.path("state").asText()).isEqualTo("rolled-back");
    assertThat(rolledBack.path("reason").asText()).isEqualTo("HEALTH_CHECK_FAILED");
    assertThat(rolledBack.path("detail").asText()).contains("not connected to the hub");
    assertThat(washer.appliance().bundle().version()).isEqualTo("1.1.0");
    assertThat(washer.slots(ManifestKind.PROGRAM).active()).contains(Slot.A);
    assertThat(washer.slots(ManifestKind.PROGRAM).contents()).doesNotContainKey(Slot.B);
    assertThat(List.of(washer.slots(ManifestKind.PROGRAM).trial().isPresent())).containsOnly(false);
  }
}
