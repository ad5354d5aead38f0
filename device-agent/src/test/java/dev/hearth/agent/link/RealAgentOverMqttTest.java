package dev.hearth.agent.link;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.agent.app.AgentApplication;
import dev.hearth.agent.app.ConnectedAgent;
import dev.hearth.agent.config.AgentConfig;
import dev.hearth.agent.config.HardwareConfig;
import dev.hearth.agent.config.HardwareProvider;
import dev.hearth.agent.config.LocalConfig;
import dev.hearth.agent.enroll.Enrollment;
import dev.hearth.agent.enroll.HardwareId;
import dev.hearth.hardware.profile.ProfileRef;
import dev.hearth.specs.wire.CommandResult;
import dev.hearth.specs.wire.DeviceId;
import dev.hearth.specs.wire.Event;
import dev.hearth.specs.wire.StateReport;
import dev.hearth.specs.wire.Status;
import dev.hearth.specs.wire.TelemetryBatch;
import dev.hearth.specs.wire.TopicKind;
import dev.hearth.testing.MqttBrokerService;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real agent, as {@code hearth-agent run} starts it, on a simulated washer, against the real
 * broker: what arrives on every topic, and what a command does.
 */
class RealAgentOverMqttTest {

  @TempDir Path stateDir;

  @Test
  void theRunningAgentReportsOnEveryTopicAndObeysCommands() throws Exception {
    String broker = MqttBrokerService.get().tcpUri();
    DeviceId device = new DeviceId("wsh-" + UUID.randomUUID().toString().substring(0, 8));
    AgentConfig config =
        new AgentConfig(
            Optional.empty(),
            new HardwareConfig(HardwareProvider.SIMULATION, new HardwareConfig.Simulate(3)),
            stateDir,
            AgentConfig.DEFAULTS.hub(),
            AgentConfig.DEFAULTS.link(),
            new LocalConfig(new LocalConfig.Coap(false, "127.0.0.1", 0)),
            AgentConfig.DEFAULTS.log());
    Enrollment enrollment =
        new Enrollment(
            device,
            URI.create("http://localhost:8080"),
            ProfileRef.parse("open-washer@1"),
            new HardwareId("test-board"),
            Instant.now(),
            new Enrollment.Mqtt(URI.create(broker), device.value(), "unused-by-mosquitto"),
            Optional.empty());

    try (HubProbe hub = HubProbe.connect(broker, device)) {
      try (ConnectedAgent agent =
          ConnectedAgent.start(config, enrollment, new AgentApplication())) {
        Status online = hub.await(Status.class, s -> s.state() == Status.Presence.ONLINE);
        assertThat(online.profile()).hasToString("open-washer@1");
        assertThat(online.firmware().name()).isEqualTo("open-washer-programs");
        hub.await(StateReport.class, s -> s.phase() == StateReport.Phase.IDLE);

        hub.publish(
            TopicKind.COMMANDS,
            "{\"id\":\"c-1\",\"name\":\"start\",\"args\":{\"program\":\"cotton-40\"}}");
        CommandResult started = hub.await(CommandResult.class, r -> r.id().equals("c-1"));
        assertThat(started.status()).isEqualTo(CommandResult.Outcome.OK);
        hub.await(
            StateReport.class,
            s -> s.phase() == StateReport.Phase.RUNNING && "cotton-40".equals(s.program()));
        hub.await(Event.class, e -> e.type().equals("cycle-started"));
        TelemetryBatch batch = hub.await(TelemetryBatch.class, b -> !b.samples().isEmpty());
        assertThat(batch.samples().get(0).v()).containsKeys("water_level", "water_temp");

        hub.publish(TopicKind.COMMANDS, "{\"id\":\"c-2\",\"name\":\"self-destruct\"}");
        assertThat(hub.await(CommandResult.class, r -> r.id().equals("c-2")).status())
            .isEqualTo(CommandResult.Outcome.ERROR);
        hub.publish(TopicKind.COMMANDS, "{\"id\":\"c-3\",\"name\":\"stop\"}");
        assertThat(hub.await(CommandResult.class, r -> r.id().equals("c-3")).status())
            .isEqualTo(CommandResult.Outcome.OK);
        hub.await(
            StateReport.class,
            s ->
                s.phase() == StateReport.Phase.FAULT_HANDLING
                    || s.phase() == StateReport.Phase.STOPPED);
      }
      hub.await(Status.class, s -> s.state() == Status.Presence.OFFLINE);
      hub.clearRetained();
    }
  }
}
