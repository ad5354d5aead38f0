package dev.hearth.agent.link;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.agent.link.paho.PahoMqttSession;
import dev.hearth.specs.wire.CommandResult;
import dev.hearth.specs.wire.Event;
import dev.hearth.specs.wire.StateReport;
import dev.hearth.specs.wire.Status;
import dev.hearth.specs.wire.TelemetryBatch;
import dev.hearth.specs.wire.TopicKind;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Losing the hub and getting it back, in process, against a private Mosquitto. */
class HubLinkReconnectTest {

  @TempDir Path dir;

  @Test
  void aStoppedBrokerIsRetriedWithBackoffAndTheBacklogDrainsInOrder() throws Exception {
    try (PrivateBroker broker = PrivateBroker.start(dir.resolve("broker"))) {
      var t =
          LinkUnderTest.create(
              broker.tcpUri(),
              broker.tcpUri(),
              dir.resolve("outbox"),
              b -> b.reconnectBackoff(Duration.ofSeconds(1), Duration.ofSeconds(4)),
              PahoMqttSession.factory());
      try (t) {
        t.link.start();
        t.awaitOnline();
        t.appliance.emit("cycle-started", Event.Severity.INFO, "before");
        t.probe.await(Event.class, e -> e.seq() == 1);

        broker.stop();
        HubProbe.awaitTrue("the link to notice", () -> !t.link.status().online());
        t.appliance.emit("alarm", Event.Severity.WARNING, "while away 1");
        t.appliance.setReadings(FakeAppliance.WASHER_READINGS);
        t.clock.advance(Duration.ofSeconds(5));
        t.appliance.emit("cycle-finished", Event.Severity.INFO, "while away 2");
        t.awaitStepping("six failed attempts", () -> t.link.status().reconnectAttempt() >= 6);
        LinkStatus away = t.link.status();
        // Every attempt is a fresh Paho client; none may be left behind.
        HubProbe.awaitTrue(
            "failed attempts to release their threads", () -> pahoThreads(t.device.value()) <= 1);
        assertThat(away.connection())
            .isIn(LinkStatus.Connection.OFFLINE, LinkStatus.Connection.CONNECTING);
        assertThat(away.reconnectAttempt())
            .as("it kept trying, backing off")
            .isGreaterThanOrEqualTo(6);
        assertThat(away.lastError()).isNotBlank();
        assertThat(away.outbox().events()).isEqualTo(2);

        broker.start();
        t.probe.connect();
        t.awaitStepping("the link to reconnect", () -> t.link.status().online());
        HubProbe.awaitTrue("the backlog", () -> t.probe.decoded(Event.class).size() == 3);
        assertThat(t.probe.decoded(Event.class))
            .extracting(Event::seq, Event::message)
            .containsExactly(
                org.assertj.core.groups.Tuple.tuple(1L, "before"),
                org.assertj.core.groups.Tuple.tuple(2L, "while away 1"),
                org.assertj.core.groups.Tuple.tuple(3L, "while away 2"));
        HubProbe.awaitTrue("the outbox to drain", () -> t.link.status().outbox().isEmpty());
        long batches = t.link.status().outbox().nextTelemetrySeq() - 1;
        assertThat(batches).isPositive();
        HubProbe.awaitTrue(
            "every batch", () -> t.probe.decoded(TelemetryBatch.class).size() == batches);
        assertThat(t.probe.decoded(TelemetryBatch.class))
            .extracting(TelemetryBatch::seq)
            .containsExactlyElementsOf(
                java.util.stream.LongStream.rangeClosed(1, batches).boxed().toList());
        assertThat(t.probe.decoded(StateReport.class))
            .as("the state, again on connect")
            .isNotEmpty();
        assertThat(t.link.status().reconnectAttempt()).isGreaterThanOrEqualTo(6);
      }
    }
  }

  @Test
  void aNetworkDropLeavesTheWillAndTheResumedSessionDeliversCommandsSentMeanwhile()
      throws Exception {
    try (PrivateBroker broker = PrivateBroker.start(dir.resolve("broker"))) {
      var transport = new FaultyTransport(PahoMqttSession.factory());
      var t =
          LinkUnderTest.create(
              broker.tcpUri(), broker.tcpUri(), dir.resolve("outbox"), b -> b, transport);
      try (t) {
        t.link.start();
        t.awaitOnline();
        assertThat(transport.lastConnected().sessionPresent()).isFalse();

        transport.cutConnection();
        Status will = t.probe.await(Status.class, s -> s.state() == Status.Presence.OFFLINE);
        assertThat(will.ts()).as("a will carries its connect time").isEqualTo(LinkUnderTest.START);
        // The hub sends a command while the agent is away; the broker keeps it in the session.
        t.probe.publish(TopicKind.COMMANDS, "{\"id\":\"while-away\",\"name\":\"pause\"}");

        t.awaitStepping("the link to reconnect", () -> t.link.status().online());
        assertThat(transport.lastConnected().sessionPresent()).as("clean start off").isTrue();
        HubProbe.awaitTrue(
            "the dropped client's threads to end (one client: receiver, sender, callback, ping)",
            () -> pahoThreads(t.device.value()) <= 4);
        CommandResult result = t.probe.await(CommandResult.class, r -> r.id().equals("while-away"));
        assertThat(result.status()).isEqualTo(CommandResult.Outcome.OK);
        assertThat(t.probe.decoded(Status.class))
            .extracting(Status::state)
            .containsSubsequence(
                Status.Presence.ONLINE, Status.Presence.OFFLINE, Status.Presence.ONLINE);
      }
    }
  }

  /** Live threads Paho named after the client id ("MQTT Rec: id", "MQTT Snd: id", ...). */
  private static long pahoThreads(String clientId) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(
            th ->
                th.isAlive() && th.getName().startsWith("MQTT") && th.getName().contains(clientId))
        .count();
  }
}
