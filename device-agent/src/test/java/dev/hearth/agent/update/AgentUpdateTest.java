package dev.hearth.agent.update;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.specs.manifest.ManifestKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Agent releases go through the same slots (issue 5): installed into the inactive agent slot, the
 * pointer switched, the agent restarted; the next start (the new build, as the wrapper starts it)
 * runs the health check and commits, or switches back and restarts into the previous build. The
 * restart is simulated in this JVM; {@code UpdateKillTest} does it with real processes.
 */
class AgentUpdateTest {

  private static final RunningAgent SHIPPED = RunningAgent.fromProperty(RunningAgent.SHIPPED);
  private static final RunningAgent SLOT_A = RunningAgent.fromProperty("a");

  @TempDir Path stateDir;
  private final TestCommunity community = new TestCommunity();
  private final byte[] jar = new byte[200_000];
  private ArtifactServer hub;
  private UpdateRig agent;
  private ObjectNode release;

  @BeforeEach
  void start() throws Exception {
    new Random(3).nextBytes(jar);
    hub = ArtifactServer.start();
    hub.put(jar);
    release =
        community.approved(
            community.manifest(ManifestKind.AGENT, "hearth-agent", "1.1.0", jar).build());
    agent = UpdateRig.start(stateDir, community);
  }

  @AfterEach
  void stop() {
    agent.close();
    hub.close();
  }

  @Test
  void anAgentReleaseIsInstalledThenTheNewBuildChecksItselfAndCommits() throws Exception {
    agent.offer(UpdateRig.offer("a-1", release, hub.url(TestCommunity.sha256(jar))));
    agent.events.await("a-1", "rebooting");
    assertThat(agent.events.distinctStates("a-1"))
        .containsExactly("offered", "downloading", "verifying", "installing", "rebooting");
    awaitRestarts(agent, 1);
    SlotTable switched = agent.slots(ManifestKind.AGENT);
    assertThat(switched.active()).contains(Slot.A);
    assertThat(switched.trial()).map(Trial::stage).contains(Trial.Stage.SWITCHED);
    assertThat(Files.readAllBytes(agent.files.slots(ManifestKind.AGENT).artifact(Slot.A)))
        .isEqualTo(jar);

    agent = agent.restart(SLOT_A);
    JsonNode committed = agent.events.awaitFinal("a-1");
    assertThat(committed.path("state").asText()).isEqualTo("committed");
    assertThat(committed.path("kind").asText()).isEqualTo("agent");
    assertThat(committed.path("from").asText()).isEqualTo("1.0.0");
    assertThat(agent.events.distinctStates("a-1")).containsExactly("health-check", "committed");
    assertThat(agent.slots(ManifestKind.AGENT).trial()).isEmpty();
    assertThat(agent.restarts).isEmpty();

    // The new build is 1.1.0 now: the same release under another offer id is not newer.
    agent.offer(UpdateRig.offer("a-2", release, hub.url(TestCommunity.sha256(jar))));
    assertThat(agent.events.awaitFinal("a-2").path("reason").asText())
        .isEqualTo("VERSION_NOT_NEWER");
  }

  @Test
  void aNewBuildThatFailsItsHealthCheckSwitchesBackAndRestartsIntoTheOldOne() throws Exception {
    agent.offer(UpdateRig.offer("a-3", release, hub.url(TestCommunity.sha256(jar))));
    agent.events.await("a-3", "rebooting");
    awaitRestarts(agent, 1);

    agent = agent.restart(SLOT_A, false);
    JsonNode rolledBack = agent.events.awaitFinal("a-3");
    assertThat(rolledBack.path("state").asText()).isEqualTo("rolled-back");
    assertThat(rolledBack.path("reason").asText()).isEqualTo("HEALTH_CHECK_FAILED");
    assertThat(rolledBack.path("detail").asText()).contains("not connected to the hub");
    awaitRestarts(agent, 1);
    assertThat(agent.slots(ManifestKind.AGENT).active()).isEmpty();

    // The wrapper now starts the shipped jar again; it has nothing to do but say where it stands.
    agent = agent.restart(SHIPPED);
    RecordingEvents.sleep(200);
    assertThat(agent.events.states("a-3")).containsExactly("rolled-back");
    assertThat(agent.restarts).isEmpty();
  }

  @Test
  void aNewBuildThatNeverStartedIsRolledBackByTheOldOne() throws Exception {
    agent.offer(UpdateRig.offer("a-4", release, hub.url(TestCommunity.sha256(jar))));
    agent.events.await("a-4", "rebooting");
    awaitRestarts(agent, 1);

    // The wrapper gave the trial jar its one start; it died before its code ran, so now the
    // wrapper starts the fallback (the shipped jar), which finds the trial and undoes it.
    agent = agent.restart(SHIPPED);
    JsonNode rolledBack = agent.events.awaitFinal("a-4");
    assertThat(rolledBack.path("state").asText()).isEqualTo("rolled-back");
    assertThat(rolledBack.path("detail").asText()).contains("did not start");
    assertThat(agent.slots(ManifestKind.AGENT)).isEqualTo(SlotTable.SHIPPED);
    assertThat(agent.restarts).isEmpty();
  }

  @Test
  void anAgentNotStartedByTheWrapperRefusesAgentReleases() throws Exception {
    agent = agent.restart(RunningAgent.UNMANAGED);
    agent.offer(UpdateRig.offer("a-5", release, hub.url(TestCommunity.sha256(jar))));
    JsonNode failed = agent.events.awaitFinal("a-5");
    assertThat(failed.path("state").asText()).isEqualTo("failed");
    assertThat(failed.path("reason").asText()).isEqualTo("INSTALL_FAILED");
    assertThat(failed.path("detail").asText()).contains("hearth-agent");
    assertThat(agent.slots(ManifestKind.AGENT)).isEqualTo(SlotTable.SHIPPED);
  }

  private static void awaitRestarts(UpdateRig rig, int count) {
    long deadline = System.nanoTime() + RecordingEvents.WAIT.toNanos();
    while (rig.restarts.size() < count && System.nanoTime() < deadline) {
      RecordingEvents.sleep(5);
    }
    assertThat(rig.restarts).hasSize(count);
  }
}
