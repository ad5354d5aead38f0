package dev.hearth.agent.link;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.agent.link.outbox.Outbox;
import dev.hearth.specs.wire.DeviceId;
import dev.hearth.specs.wire.Status;
import dev.hearth.specs.wire.TopicKind;
import dev.hearth.testing.MqttBrokerService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kill -9} the agent: the broker announces it offline with the retained last will. */
class LastWillTest {

  private static final long START = 1_750_000_000_000L;

  @TempDir Path dir;

  @Test
  void killingTheAgentLeavesTheRetainedOfflineWill() throws Exception {
    String broker = MqttBrokerService.get().tcpUri();
    var device = new DeviceId("will-test-" + UUID.randomUUID().toString().substring(0, 8));
    Status online;
    try (HubProbe hub = HubProbe.connect(broker, device)) {
      try (AgentProcess agent =
          AgentProcess.start(
              dir.resolve("agent.log"),
              broker,
              device.value(),
              dir.resolve("outbox").toString(),
              Long.toString(Outbox.MIN_MAX_BYTES),
              Long.toString(START))) {
        assertThat(agent.request("await-online", Duration.ofSeconds(60))).isEqualTo("online");
        online = hub.await(Status.class, s -> s.state() == Status.Presence.ONLINE);
        agent.kill();
      }

      Status will = hub.await(Status.class, s -> s.state() == Status.Presence.OFFLINE);
      // The will is composed when the connection attempt starts, on the agent's stepped clock: at
      // or after the start, and no later than the online status of the same connection.
      assertThat(will.ts()).as("the will carries the connect time").isBetween(START, online.ts());
      assertThat(will.agentVersion()).isEqualTo(LinkUnderTest.IDENTITY.agentVersion());
      assertThat(will.profile()).hasToString("open-washer@1");

      try (HubProbe late = HubProbe.connect(broker, device)) {
        HubProbe.awaitTrue("the retained status", () -> !late.on(TopicKind.STATUS).isEmpty());
        HubProbe.Received retained = late.on(TopicKind.STATUS).get(0);
        assertThat(retained.retained()).isTrue();
        assertThat(retained.text()).contains("\"state\":\"offline\"");
      }
      hub.clearRetained();
    }
  }
}
