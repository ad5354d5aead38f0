package dev.hearth.agent.update;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.agent.runtime.ApplianceEvent;
import dev.hearth.specs.runtime.Phase;
import dev.hearth.specs.wire.CommandResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A washer in the middle of a cycle does not update until the cycle ends (issue 5): the release is
 * downloaded and verified at once, then the engine reports {@code waiting-for-idle} and installs
 * only once the cycle has finished; meanwhile nobody can start another. Virtual time drives the
 * cycle; the engine runs on its own thread, as on a board.
 */
class WasherCycleUpdateTest {

  @TempDir Path stateDir;

  @Test
  void aWasherMidCycleWaitsForTheCycleToEndBeforeInstalling() throws Exception {
    var community = new TestCommunity();
    byte[] bundle = Bundles.washer("1.1.0");
    try (ArtifactServer hub = ArtifactServer.start();
        UpdateRig washer = UpdateRig.start(stateDir, community)) {
      assertThat(washer.startCycle("quick-30").status()).isEqualTo(CommandResult.Outcome.OK);
      washer.scheduler.advance(Duration.ofMinutes(5));
      assertThat(washer.appliance().status().phase()).isEqualTo(Phase.RUNNING);

      washer.offer(
          UpdateRig.offer("w-1", community.programs("1.1.0", bundle), hub.url(hub.put(bundle))));
      washer.events.await("w-1", "waiting-for-idle");

      // Minutes of cycle pass; the engine keeps waiting, the cycle keeps its programs.
      for (int i = 0; i < 10; i++) {
        washer.scheduler.advance(Duration.ofMinutes(1));
        RecordingEvents.sleep(20);
      }
      assertThat(washer.events.states("w-1")).doesNotContain("installing");
      assertThat(washer.appliance().status().phase()).isEqualTo(Phase.RUNNING);
      assertThat(washer.appliance().bundle().version()).isEqualTo("1.0.0");

      // The rest of the cycle, a minute at a time, until the washer is done.
      for (int minute = 0;
          washer.appliance().status().phase().isActive() && minute < 180;
          minute++) {
        washer.scheduler.advance(Duration.ofMinutes(1));
      }
      assertThat(washer.appliance().status().phase()).isEqualTo(Phase.FINISHED);

      washer.events.await("w-1", "committed");
      assertThat(washer.events.distinctStates("w-1"))
          .containsExactly(
              "offered",
              "downloading",
              "verifying",
              "waiting-for-idle",
              "installing",
              "rebooting",
              "health-check",
              "committed");
      List<String> order =
          washer.events.all().stream()
              .map(
                  e ->
                      e.type().equals("update-progress")
                          ? e.data().path("state").asText()
                          : e.type())
              .filter(t -> t.equals("cycle-finished") || t.equals("installing"))
              .toList();
      assertThat(order).containsExactly("cycle-finished", "installing");
      assertThat(washer.appliance().bundle().version()).isEqualTo("1.1.0");
    }
  }

  @Test
  void noCycleStartsWhileAnUpdateIsInstalled() throws Exception {
    var community = new TestCommunity();
    try (UpdateRig washer = UpdateRig.start(stateDir, community)) {
      var engineSide = new ProgramApplianceSeams(washer.appliance());
      try (ApplianceGate.Hold hold =
          engineSide.holdIfIdle("installing a test release").orElseThrow()) {
        CommandResult refused = washer.startCycle("quick-30");
        assertThat(refused.status()).isEqualTo(CommandResult.Outcome.REFUSED);
        assertThat(refused.message()).contains("installing a test release");
        assertThat(engineSide.holdIfIdle("a second update")).isEmpty();
      }
      assertThat(washer.startCycle("quick-30").status()).isEqualTo(CommandResult.Outcome.OK);
      assertThat(engineSide.holdIfIdle("an update during the cycle")).isEmpty();
      assertThat(washer.events.all()).extracting(ApplianceEvent::type).contains("command-refused");
    }
  }
}
