package dev.hearth.agent.update;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.specs.manifest.ManifestKind;
import dev.hearth.specs.wire.DeviceId;
import dev.hearth.testing.MqttBrokerService;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code kill -9} of the agent in each update state leaves it running the old or the new revision,
 * never neither, and it reports which (issue 5). The agent runs in a JVM of its own, started by the
 * real wrapper script as systemd would start it, against the real MQTT broker and a stand-in for
 * the hub's artifact store; each kill is a {@code SIGKILL} at a state the agent stops at.
 *
 * <p>Before the switch an interrupted offer resumes and commits (the download from where it
 * stopped); after the switch the uncommitted slot counts as a failed health check and the previous
 * one runs again.
 */
class UpdateKillTest {

  @TempDir Path dir;
  private final TestCommunity community = new TestCommunity();
  private final String broker = MqttBrokerService.get().tcpUri();
  private final DeviceId device =
      new DeviceId("kill-" + UUID.randomUUID().toString().substring(0, 8));
  private Path stateDir;
  private ArtifactServer store;
  private HubSide hub;

  @BeforeEach
  void start() throws Exception {
    stateDir = dir.resolve("state");
    community.pinRoot(stateDir);
    store = ArtifactServer.start();
    hub = HubSide.connect(broker, device);
  }

  @AfterEach
  void stop() throws Exception {
    hub.close();
    store.close();
  }

  @ParameterizedTest(name = "killed while {0}")
  @ValueSource(
      strings = {
        "downloading",
        "verifying",
        "waiting-for-idle",
        "installing",
        "rebooting",
        "health-check"
      })
  void aProgramUpdateKilledInAnyStateEndsOnTheOldOrTheNewRevisionAndSaysWhich(String state)
      throws Exception {
    byte[] bundle = Bundles.washer("1.1.0");
    String sha = store.put(bundle);
    boolean downloading = state.equals("downloading");
    if (downloading) {
      store.holdAfter(bundle.length / 2);
    }
    String offerId = "kill-" + state;
    try (WrappedAgent agent =
        WrappedAgent.start(stateDir, broker, device.value(), downloading ? "none" : state)) {
      assertThat(agent.await("started")).contains("programs=1.0.0");
      agent.await("online");
      if (state.equals("waiting-for-idle")) {
        assertThat(agent.request("start-cycle")).isEqualTo("cycle OK");
      }
      hub.offer(UpdateRig.offer(offerId, community.programs("1.1.0", bundle), store.url(sha)));
      if (downloading) {
        hub.await(offerId, d -> d.path("progress").asDouble() >= 0.4);
      } else {
        agent.await("paused " + state);
      }
      agent.kill();
    }
    store.release();

    try (WrappedAgent again = WrappedAgent.start(stateDir, broker, device.value(), "none")) {
      again.await("started");
      JsonNode end = hub.awaitFinal(offerId);
      boolean switched = state.equals("rebooting") || state.equals("health-check");
      String version = switched ? "1.0.0" : "1.1.0";
      assertThat(end.path("state").asText()).isEqualTo(switched ? "rolled-back" : "committed");
      assertThat(again.request("state")).contains("programs=" + version);
      SlotTable slots = UpdateFiles.under(stateDir).slots(ManifestKind.PROGRAM).read();
      assertThat(slots.trial()).isEmpty();
      assertThat(slots.activeRelease().map(SlotRelease::version).orElse("1.0.0"))
          .isEqualTo(version);
      if (downloading) {
        assertThat(store.ranges().get(store.ranges().size() - 1))
            .as("the second agent resumed the download")
            .matches("bytes=[1-9][0-9]*-");
      }
    }
  }

  @Test
  void anAgentReleaseRestartsIntoTheNewJarWhichChecksItselfAndCommits() throws Exception {
    ObjectNode release = agentRelease();
    try (WrappedAgent agent = WrappedAgent.start(stateDir, broker, device.value(), "none")) {
      assertThat(agent.await("started")).contains("slot=shipped");
      agent.await("online");
      hub.offer(UpdateRig.offer("agent-1", release, store.url(TestCommunity.sha256(jar()))));
      agent.await("restarting");
      assertThat(agent.exitCode()).isEqualTo(AgentRestart.EXIT_CODE);
    }
    try (WrappedAgent newBuild = WrappedAgent.start(stateDir, broker, device.value(), "none")) {
      assertThat(newBuild.await("started")).contains("agent=1.1.0", "slot=a");
      assertThat(hub.awaitFinal("agent-1").path("state").asText()).isEqualTo("committed");
    }
    assertThat(WrappedAgent.jarsChosen(stateDir))
        .containsExactly(
            "/usr/share/hearth/hearth-agent.jar",
            stateDir.resolve("slots/agent/a/hearth-agent.jar").toString());
  }

  @Test
  void killedDuringItsHealthCheckTheNewBuildIsUndoneAndTheOldOneRunsAgain() throws Exception {
    ObjectNode release = agentRelease();
    try (WrappedAgent agent = WrappedAgent.start(stateDir, broker, device.value(), "none")) {
      agent.await("online");
      hub.offer(UpdateRig.offer("agent-2", release, store.url(TestCommunity.sha256(jar()))));
      assertThat(agent.exitCode()).isEqualTo(AgentRestart.EXIT_CODE);
    }
    try (WrappedAgent newBuild =
        WrappedAgent.start(stateDir, broker, device.value(), "health-check")) {
      newBuild.await("paused health-check");
      newBuild.kill();
    }
    try (WrappedAgent again = WrappedAgent.start(stateDir, broker, device.value(), "none")) {
      assertThat(again.await("started")).contains("slot=a");
      again.await("restarting");
      assertThat(again.exitCode()).isEqualTo(AgentRestart.EXIT_CODE);
    }
    try (WrappedAgent old = WrappedAgent.start(stateDir, broker, device.value(), "none")) {
      assertThat(old.await("started")).contains("agent=1.0.0", "slot=shipped");
      JsonNode end = hub.awaitFinal("agent-2");
      assertThat(end.path("state").asText()).isEqualTo("rolled-back");
      assertThat(end.path("reason").asText()).isEqualTo("HEALTH_CHECK_FAILED");
    }
    String slotA = stateDir.resolve("slots/agent/a/hearth-agent.jar").toString();
    assertThat(WrappedAgent.jarsChosen(stateDir))
        .containsExactly(
            "/usr/share/hearth/hearth-agent.jar",
            slotA,
            slotA,
            "/usr/share/hearth/hearth-agent.jar");
  }

  @Test
  void aNewBuildThatCannotStartIsReplacedByTheOldOneAtTheNextStart() throws Exception {
    ObjectNode release = agentRelease();
    try (WrappedAgent agent = WrappedAgent.start(stateDir, broker, device.value(), "none")) {
      agent.await("online");
      hub.offer(UpdateRig.offer("agent-3", release, store.url(TestCommunity.sha256(jar()))));
      assertThat(agent.exitCode()).isEqualTo(AgentRestart.EXIT_CODE);
    }
    String broken = "HEARTH_TEST_BROKEN_SLOT=a";
    try (WrappedAgent newBuild =
        WrappedAgent.start(stateDir, broker, device.value(), "none", broken)) {
      assertThat(newBuild.exitCode()).isEqualTo(1);
    }
    try (WrappedAgent old = WrappedAgent.start(stateDir, broker, device.value(), "none", broken)) {
      assertThat(old.await("started")).contains("agent=1.0.0", "slot=shipped");
      JsonNode end = hub.awaitFinal("agent-3");
      assertThat(end.path("state").asText()).isEqualTo("rolled-back");
      assertThat(end.path("detail").asText()).contains("did not start");
    }
    assertThat(WrappedAgent.jarsChosen(stateDir))
        .containsExactly(
            "/usr/share/hearth/hearth-agent.jar",
            stateDir.resolve("slots/agent/a/hearth-agent.jar").toString(),
            "/usr/share/hearth/hearth-agent.jar");
  }

  private ObjectNode agentRelease() {
    byte[] jar = jar();
    store.put(jar);
    return community.approved(
        community.manifest(ManifestKind.AGENT, "hearth-agent", "1.1.0", jar).build());
  }

  private static byte[] jar() {
    byte[] jar = new byte[100_000];
    new Random(11).nextBytes(jar);
    return jar;
  }

  static List<String> none() {
    return List.of();
  }
}
