package dev.hearth.hub.gateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.hub.gateway.testing.Answer;
import dev.hearth.hub.gateway.testing.Eventually;
import dev.hearth.hub.gateway.testing.Payloads;
import dev.hearth.hub.gateway.testing.TestGateway;
import dev.hearth.hub.gateway.testing.TestGateway.DeviceCredentials;
import dev.hearth.hub.store.CommandRecord;
import dev.hearth.hub.store.CommandRecord.Status;
import dev.hearth.specs.wire.Command;
import dev.hearth.specs.wire.CommandResult;
import dev.hearth.specs.wire.TopicKind;
import java.time.Duration;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Commands from the hub to devices over MQTT: delivery, queueing, expiry, results. */
class MqttCommandsTest {

  private static final Duration WAIT = Duration.ofSeconds(5);
  private static TestGateway hub;

  @BeforeAll
  static void startHub() {
    hub = TestGateway.builder().withoutCoap().commandExpirySweep(Duration.ofMillis(50)).start();
  }

  @AfterAll
  static void stopHub() {
    hub.close();
  }

  @Test
  void aCommandGoesToTheListeningDeviceAndItsResultIsStored() throws Exception {
    DeviceCredentials washer = hub.givenDevice("washer");
    try (PahoDevice device = PahoDevice.connect(hub.mqttPort(), washer)) {
      device.listenForCommands();
      ObjectNode args = JsonNodeFactory.instance.objectNode().put("reason", "owner pressed stop");

      CommandRecord sent = send(washer, "stop", args, Duration.ofMinutes(5));

      Command received = receive(device);
      assertThat(received.id()).isEqualTo(sent.id());
      assertThat(received.name()).isEqualTo("stop");
      assertThat(received.args()).isEqualTo(args);
      assertThat(Eventually.await(() -> status(sent), Status.SENT, WAIT)).isEqualTo(Status.SENT);

      assertThat(
              device.publish(
                  TopicKind.COMMAND_RESULT,
                  Payloads.commandResult(sent.id(), CommandResult.Outcome.REFUSED)))
          .isEqualTo(Answer.ACKED);
      assertThat(status(sent)).isEqualTo(Status.REFUSED);
    }
  }

  @Test
  void commandsQueuedWhileOfflineAreDeliveredInOrderOnceTheDeviceListens() throws Exception {
    DeviceCredentials washer = hub.givenDevice("washer");
    CommandRecord pause = send(washer, "pause", null, Duration.ofMinutes(5));
    CommandRecord resume = send(washer, "resume", null, Duration.ofMinutes(5));
    assertThat(status(pause)).isEqualTo(Status.QUEUED);

    try (PahoDevice device = PahoDevice.connect(hub.mqttPort(), washer)) {
      assertThat(device.nextMessage(200)).as("nothing before it subscribes").isNull();
      device.listenForCommands();

      assertThat(receive(device).id()).isEqualTo(pause.id());
      assertThat(receive(device).id()).isEqualTo(resume.id());
      assertThat(Eventually.await(() -> status(resume), Status.SENT, WAIT)).isEqualTo(Status.SENT);
    }
  }

  @Test
  void anExpiredCommandIsMarkedExpiredAndNeverDelivered() throws Exception {
    DeviceCredentials washer = hub.givenDevice("washer");
    CommandRecord stale = send(washer, "stop", null, Duration.ofMillis(100));

    assertThat(Eventually.await(() -> status(stale), Status.EXPIRED, WAIT))
        .isEqualTo(Status.EXPIRED);
    try (PahoDevice device = PahoDevice.connect(hub.mqttPort(), washer)) {
      device.listenForCommands();
      assertThat(device.nextMessage(500)).isNull();
    }
  }

  @Test
  void aCommandForAnotherDeviceIsNotDeliveredHere() throws Exception {
    DeviceCredentials washer = hub.givenDevice("washer");
    DeviceCredentials other = hub.givenDevice("other");
    try (PahoDevice device = PahoDevice.connect(hub.mqttPort(), washer)) {
      device.listenForCommands();
      send(other, "stop", null, Duration.ofMinutes(5));
      assertThat(device.nextMessage(300)).isNull();
    }
  }

  private static CommandRecord send(
      DeviceCredentials device, String name, ObjectNode args, Duration ttl) {
    return hub.gateway().commands().send(device.id(), name, args, "owner-1", ttl);
  }

  private static Command receive(PahoDevice device) throws InterruptedException {
    MqttMessage message = device.nextMessage(WAIT.toMillis());
    assertThat(message).as("a command within %s", WAIT).isNotNull();
    assertThat(message.getQos()).isEqualTo(1);
    return Payloads.CODEC.decode(Command.class, message.getPayload()).payload().orElseThrow();
  }

  private static Status status(CommandRecord command) {
    return hub.store().commands().find(command.id()).orElseThrow().status();
  }
}
