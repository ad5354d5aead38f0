package dev.hearth.agent.link;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.specs.wire.CommandResult;
import dev.hearth.specs.wire.Event;
import dev.hearth.specs.wire.StateReport;
import dev.hearth.specs.wire.Status;
import dev.hearth.specs.wire.TelemetryBatch;
import dev.hearth.specs.wire.TopicKind;
import dev.hearth.testing.MqttBrokerService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the link publishes on every topic, and how it answers the hub, against a real broker. */
class HubLinkBrokerTest {

  @TempDir Path outbox;
  private LinkUnderTest t;

  @BeforeEach
  void startLink() throws Exception {
    t = LinkUnderTest.online(MqttBrokerService.get().tcpUri(), outbox, FakeAppliance.washer(1, 5));
  }

  @AfterEach
  void stopLink() throws Exception {
    t.close();
  }

  @Test
  void connectingPublishesTheRetainedOnlineStatusThenTheState() throws Exception {
    Status online = t.probe.await(Status.class, s -> true);
    assertThat(online.state()).isEqualTo(Status.Presence.ONLINE);
    assertThat(online.agentVersion()).isEqualTo("0.1.0-test");
    assertThat(online.firmware()).isEqualTo(new Status.Firmware("washer-programs", "1.2.0"));
    assertThat(online.profile()).hasToString("open-washer@1");
    assertThat(online.ts()).isEqualTo(LinkUnderTest.START);

    StateReport state = t.probe.await(StateReport.class, s -> true);
    assertThat(state.phase()).isEqualTo(StateReport.Phase.IDLE);
    List<TopicKind> order = t.probe.all().stream().map(HubProbe.Received::kind).toList();
    assertThat(order).containsSubsequence(TopicKind.STATUS, TopicKind.STATE);

    try (HubProbe late = HubProbe.connect(MqttBrokerService.get().tcpUri(), t.device)) {
      HubProbe.awaitTrue("the retained status", () -> !late.on(TopicKind.STATUS).isEmpty());
      HubProbe.Received retained = late.on(TopicKind.STATUS).get(0);
      assertThat(retained.retained()).isTrue();
      assertThat(retained.text()).contains("\"state\":\"online\"");
    }
  }

  @Test
  void newFirmwareIsAnnouncedInAFreshOnlineStatusBeforeTheNextState() {
    t.probe.await(Status.class, s -> true);
    var updated = new Status.Firmware("washer-programs", "1.3.0");
    t.identity = new AgentIdentity("0.1.0-test", updated);

    t.appliance.changeState(StateReport.Phase.IDLE, null);

    Status announced = t.probe.await(Status.class, s -> updated.equals(s.firmware()));
    assertThat(announced.state()).isEqualTo(Status.Presence.ONLINE);
    // The status comes before the state report that follows the update.
    HubProbe.awaitTrue(
        "a state report after the new status",
        () -> {
          List<TopicKind> order = t.probe.all().stream().map(HubProbe.Received::kind).toList();
          return order
              .subList(order.lastIndexOf(TopicKind.STATUS), order.size())
              .contains(TopicKind.STATE);
        });
    // Unchanged, it is not repeated.
    int statuses = t.probe.on(TopicKind.STATUS).size();
    t.appliance.changeState(StateReport.Phase.RUNNING, "cotton-40");
    t.probe.await(StateReport.class, s -> s.phase() == StateReport.Phase.RUNNING);
    assertThat(t.probe.on(TopicKind.STATUS)).hasSize(statuses);
  }

  @Test
  void everyStateChangeIsPublished() {
    t.appliance.changeState(StateReport.Phase.RUNNING, "cotton-40");
    t.appliance.changeState(StateReport.Phase.PAUSED, "cotton-40");

    StateReport paused =
        t.probe.await(StateReport.class, s -> s.phase() == StateReport.Phase.PAUSED);
    assertThat(paused.program()).isEqualTo("cotton-40");
    assertThat(t.probe.decoded(StateReport.class))
        .extracting(StateReport::phase)
        .containsSubsequence(
            StateReport.Phase.IDLE, StateReport.Phase.RUNNING, StateReport.Phase.PAUSED);
  }

  @Test
  void eventsAreNumberedFromOneAndArriveInOrder() {
    t.appliance.emit("cycle-started", Event.Severity.INFO, "cotton-40 started");
    t.appliance.emit("alarm", Event.Severity.ALARM, "leak detected\nunder the drum");
    t.appliance.emit(
        "cycle-faulted", Event.Severity.WARNING, "cotton-40 stopped by the leak interlock");

    HubProbe.awaitTrue("three events", () -> t.probe.decoded(Event.class).size() == 3);
    assertThat(t.probe.decoded(Event.class))
        .extracting(Event::seq, Event::type)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1L, "cycle-started"),
            org.assertj.core.groups.Tuple.tuple(2L, "alarm"),
            org.assertj.core.groups.Tuple.tuple(3L, "cycle-faulted"));
    assertThat(t.probe.decoded(Event.class).get(1).message())
        .isEqualTo("leak detected\nunder the drum");
  }

  @Test
  void telemetryIsSampledAndBatchedByThePlanAndSentAtOnceOnAStateChange() {
    t.appliance.setReadings(FakeAppliance.WASHER_READINGS);

    t.clock.advance(Duration.ofSeconds(10));
    HubProbe.awaitTrue("two batches", () -> t.probe.decoded(TelemetryBatch.class).size() == 2);
    List<TelemetryBatch> batches = t.probe.decoded(TelemetryBatch.class);
    assertThat(batches).extracting(TelemetryBatch::seq).containsExactly(1L, 2L);
    assertThat(batches)
        .as("the first sample at once, then a batch every send interval from it")
        .extracting(b -> b.samples().size())
        .containsExactly(1, 5);
    assertThat(batches).allSatisfy(b -> assertThat(b.dropped()).isZero());
    assertThat(batches.get(1).samples())
        .extracting(TelemetryBatch.Sample::t)
        .containsExactly(
            LinkUnderTest.START + 2000,
            LinkUnderTest.START + 3000,
            LinkUnderTest.START + 4000,
            LinkUnderTest.START + 5000,
            LinkUnderTest.START + 6000);
    assertThat(batches.get(0).samples().get(0).v())
        .containsOnlyKeys(t.appliance.profile().telemetry().channels())
        .containsEntry("water_temp", 38.25);

    t.clock.advance(Duration.ofSeconds(2));
    t.appliance.changeState(StateReport.Phase.RUNNING, "cotton-40");
    HubProbe.awaitTrue(
        "the batch cut by the state change",
        () -> t.probe.decoded(TelemetryBatch.class).size() == 4);
    TelemetryBatch cut = t.probe.decoded(TelemetryBatch.class).get(3);
    assertThat(cut.seq()).isEqualTo(4);
    assertThat(cut.samples()).as("the regular batch went at 11 s; the cut holds 12 s").hasSize(1);

    t.clock.advance(Duration.ofSeconds(4));
    t.link.awaitIdle();
    assertThat(t.probe.decoded(TelemetryBatch.class)).as("no stub batch after the cut").hasSize(4);
    t.clock.advance(Duration.ofSeconds(1));
    HubProbe.awaitTrue(
        "the next regular batch", () -> t.probe.decoded(TelemetryBatch.class).size() == 5);
    assertThat(t.probe.decoded(TelemetryBatch.class).get(4).samples())
        .as("the next batch comes a send interval after the cut")
        .extracting(TelemetryBatch.Sample::t)
        .containsExactly(
            LinkUnderTest.START + 13_000,
            LinkUnderTest.START + 14_000,
            LinkUnderTest.START + 15_000,
            LinkUnderTest.START + 16_000,
            LinkUnderTest.START + 17_000);
  }

  @Test
  void aCommandIsExecutedOnceAndAnswered() throws Exception {
    t.probe.publish(TopicKind.COMMANDS, "{\"id\":\"cmd-1\",\"name\":\"stop\",\"args\":{}}");
    CommandResult result = t.probe.await(CommandResult.class, r -> r.id().equals("cmd-1"));
    assertThat(result.status()).isEqualTo(CommandResult.Outcome.OK);

    // A redelivery (same id) is answered again but not executed again.
    t.probe.publish(TopicKind.COMMANDS, "{\"id\":\"cmd-1\",\"name\":\"stop\",\"args\":{}}");
    HubProbe.awaitTrue("the second answer", () -> t.probe.decoded(CommandResult.class).size() == 2);
    assertThat(t.appliance.executed()).extracting(c -> c.id()).containsExactly("cmd-1");
  }

  @Test
  void remoteStartIsRefusedWhereTheProfileForbidsItAndUnknownCommandsAreErrors() throws Exception {
    t.probe.publish(
        TopicKind.COMMANDS,
        "{\"id\":\"cmd-2\",\"name\":\"start\",\"args\":{\"program\":\"cotton-40\"}}");
    t.probe.publish(TopicKind.COMMANDS, "{\"id\":\"cmd-3\",\"name\":\"self-destruct\"}");

    CommandResult start = t.probe.await(CommandResult.class, r -> r.id().equals("cmd-2"));
    CommandResult unknown = t.probe.await(CommandResult.class, r -> r.id().equals("cmd-3"));
    assertThat(start.status())
        .isEqualTo(
            t.appliance.profile().remoteStart()
                ? CommandResult.Outcome.OK
                : CommandResult.Outcome.REFUSED);
    assertThat(unknown.status()).isEqualTo(CommandResult.Outcome.ERROR);
    assertThat(unknown.message()).contains("self-destruct");
  }

  @Test
  void aMalformedCommandGetsAnErrorResultAndAPayloadErrorEventAndNothingElse() throws Exception {
    t.probe.publish(TopicKind.COMMANDS, "{\"id\":\"cmd-4\",\"name\":42}");

    CommandResult result = t.probe.await(CommandResult.class, r -> r.id().equals("cmd-4"));
    assertThat(result.status()).isEqualTo(CommandResult.Outcome.ERROR);
    assertThat(result.message()).contains("WRONG_TYPE").contains("/name");
    Event error = t.probe.await(Event.class, e -> e.type().equals("payload-error"));
    assertThat(error.severity()).isEqualTo(Event.Severity.WARNING);
    assertThat(error.data().get("kind").asText()).isEqualTo("commands");
    assertThat(error.data().get("code").asText()).isEqualTo("WRONG_TYPE");
    assertThat(error.data().get("field").asText()).isEqualTo("/name");
    assertThat(t.appliance.executed()).isEmpty();
  }

  @Test
  void aCommandWithoutAReadableIdGetsOnlyThePayloadErrorEvent() throws Exception {
    t.probe.publish(TopicKind.COMMANDS, "{\"name\":\"stop\"");
    t.probe.publish(TopicKind.COMMANDS, "{\"id\":\"after\",\"name\":\"pause\"}");

    Event error = t.probe.await(Event.class, e -> e.type().equals("payload-error"));
    assertThat(error.data().get("code").asText()).isEqualTo("NOT_JSON");
    t.probe.await(CommandResult.class, r -> r.id().equals("after"));
    assertThat(t.probe.decoded(CommandResult.class))
        .extracting(CommandResult::id)
        .containsExactly("after");
    assertThat(t.appliance.executed()).extracting(c -> c.id()).containsExactly("after");
  }

  @Test
  void anOversizedCommandIsRejectedUnread() throws Exception {
    String padding = "x".repeat(20 * 1024);
    t.probe.publish(
        TopicKind.COMMANDS,
        "{\"id\":\"big\",\"name\":\"stop\",\"args\":{\"pad\":\"" + padding + "\"}}");
    t.probe.publish(TopicKind.COMMANDS, "{\"id\":\"after\",\"name\":\"stop\"}");

    Event error = t.probe.await(Event.class, e -> e.type().equals("payload-error"));
    assertThat(error.data().get("code").asText()).isEqualTo("TOO_LARGE");
    t.probe.await(CommandResult.class, r -> r.id().equals("after"));
    assertThat(t.probe.decoded(CommandResult.class))
        .extracting(CommandResult::id)
        .containsExactly("after");
    assertThat(t.appliance.executed()).extracting(c -> c.id()).containsExactly("after");
  }

  @Test
  void anOversizedEventIsSentWithItsDataCutAndNotLost() {
    var data = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    data.put("dump", "y".repeat(16 * 1024));
    t.appliance.emit(
        new dev.hearth.agent.runtime.ApplianceEvent(
            t.clock.millis(), "alarm", Event.Severity.ALARM, "heater relay stuck", data));

    Event event = t.probe.await(Event.class, e -> e.type().equals("alarm"));
    assertThat(event.message()).isEqualTo("heater relay stuck");
    assertThat(event.data().get("truncated").asBoolean()).isTrue();
  }

  @Test
  void updateOffersAreDeclinedUntilTheAgentHasAnUpdateEngine() throws Exception {
    t.probe.publish(
        TopicKind.UPDATE,
        "{\"offerId\":\"offer-7\",\"rolloutId\":\"r-1\",\"manifest\":{\"signed\":{}},"
            + "\"artifactUrls\":[\"https://hub.example/a/1\"],\"expires\":1900000000000}");

    Event declined = t.probe.await(Event.class, e -> e.type().equals("update-progress"));
    assertThat(declined.data().get("offerId").asText()).isEqualTo("offer-7");
    assertThat(declined.data().get("state").asText()).isEqualTo("failed");
    assertThat(declined.data().get("reason").asText()).isEqualTo("not-supported");
  }

  @Test
  void aMalformedUpdateOfferGetsAPayloadErrorEvent() throws Exception {
    t.probe.publish(
        TopicKind.UPDATE,
        "{\"offerId\":\"offer-8\",\"manifest\":{},\"artifactUrls\":[],\"expires\":1}");

    Event error = t.probe.await(Event.class, e -> e.type().equals("payload-error"));
    assertThat(error.data().get("kind").asText()).isEqualTo("update");
    assertThat(t.probe.decoded(Event.class)).hasSize(1);
  }

  @Test
  void stoppingPublishesTheRetainedOfflineStatus() {
    t.link.stop();

    Status offline = t.probe.await(Status.class, s -> s.state() == Status.Presence.OFFLINE);
    assertThat(offline.profile()).hasToString("open-washer@1");
    assertThat(t.link.status().connection()).isEqualTo(LinkStatus.Connection.STOPPED);
  }
}
