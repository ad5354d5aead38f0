package dev.hearth.hub.gateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.hearth.hub.gateway.RateLimit;
import dev.hearth.hub.gateway.RefusalLog;
import dev.hearth.hub.gateway.testing.Answer;
import dev.hearth.hub.gateway.testing.Eventually;
import dev.hearth.hub.gateway.testing.LogCapture;
import dev.hearth.hub.gateway.testing.Payloads;
import dev.hearth.hub.gateway.testing.TestGateway;
import dev.hearth.hub.gateway.testing.TestGateway.DeviceCredentials;
import dev.hearth.hub.store.Device;
import dev.hearth.hub.store.PageRequest;
import dev.hearth.specs.wire.StateReport.Phase;
import dev.hearth.specs.wire.TopicKind;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.buffer.Buffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What only MQTT has: credentials at CONNECT, subscriptions, the last will and keepalive, one
 * session per device, TLS, the transport's size limit and the per-device rate limit.
 */
class MqttSessionTest {

  private static final Duration PRESENCE_TIMEOUT = Duration.ofSeconds(5);

  /** Small enough that no test but the rate-limit ones comes near it, however slow the machine. */
  private static final int BURST = 5;

  @TempDir static Path tls;
  private static TestGateway hub;
  private LogCapture log;

  @BeforeAll
  static void startHub() {
    hub =
        TestGateway.builder().withTls(tls).withoutCoap().rateLimit(new RateLimit(1, BURST)).start();
  }

  @AfterAll
  static void stopHub() {
    hub.close();
  }

  @BeforeEach
  void captureLog() {
    log = LogCapture.of(RefusalLog.class);
  }

  @AfterEach
  void releaseLog() {
    log.close();
  }

  @Test
  void aWrongPasswordIsRefusedAtConnectAndLogged() {
    DeviceCredentials washer = hub.givenDevice("washer");
    var impostor = new DeviceCredentials(washer.id(), "not-the-password", washer.preSharedKey());

    MqttException refusal = PahoDevice.refusal(hub.mqttPort(), impostor);

    assertThat(refusal).isNotNull();
    assertThat(refusal.getReasonCode()).isEqualTo(0x86); // bad user name or password
    assertThat(log.lines()).anySatisfy(l -> assertThat(l).contains(washer.id(), "connect"));
  }

  @Test
  void subscribingToAnotherDevicesCommandsIsRefusedAndDeliversNothing() throws Exception {
    DeviceCredentials victim = hub.givenDevice("victim");
    DeviceCredentials intruder = hub.givenDevice("intruder");
    try (PahoDevice device = PahoDevice.connect(hub.mqttPort(), intruder)) {
      int[] codes = device.subscribe("hearth/v1/" + victim.id() + "/commands");
      assertThat(codes).containsExactly(0x87); // not authorized
      assertThat(device.subscribe("hearth/v1/" + intruder.id() + "/status"))
          .as("a device→hub topic, even its own")
          .containsExactly(0x87);
      assertThat(device.isConnected()).isTrue();

      hub.gateway()
          .commands()
          .send(
              victim.id(),
              "stop",
              JsonNodeFactory.instance.objectNode(),
              "owner",
              Duration.ofMinutes(1));
      assertThat(device.nextMessage(300)).isNull();
    }
    assertThat(log.lines())
        .anySatisfy(l -> assertThat(l).contains("subscribe", intruder.id(), victim.id()));
  }

  @Test
  void subscribingToAnotherDevicesCommandsOverMqtt311GetsAFailureCode() {
    DeviceCredentials victim = hub.givenDevice("victim");
    DeviceCredentials intruder = hub.givenDevice("intruder");
    try (VertxMqtt311Device device = VertxMqtt311Device.connect(hub.mqttPort(), intruder)) {
      assertThat(device.subscribe("hearth/v1/" + victim.id() + "/commands")).containsExactly(0x80);
      assertThat(device.subscribe("hearth/v1/" + intruder.id() + "/commands")).containsExactly(1);
    }
  }

  @Test
  void aLostConnectionPublishesTheLastWillAndMarksTheDeviceOffline() {
    DeviceCredentials washer = hub.givenDevice("washer");
    PahoDevice device =
        PahoDevice.connect(
            "tcp://127.0.0.1:" + hub.mqttPort(),
            washer,
            o -> o.setWill("hearth/v1/" + washer.id() + "/status", will()));
    assertThat(device.publish(TopicKind.STATUS, Payloads.online())).isEqualTo(Answer.ACKED);
    assertThat(presence(washer)).isEqualTo("online");

    device.dropConnection();

    assertThat(Eventually.await(() -> presence(washer), "offline", PRESENCE_TIMEOUT))
        .isEqualTo("offline");
    assertThat(hub.store().devices().find(washer.id()).orElseThrow().agentVersion())
        .as("versions kept from the online status")
        .isEqualTo("0.4.1");
    device.close();
  }

  @Test
  void aSilentDeviceIsDisconnectedAfterOneAndAHalfKeepalivesAndMarkedOffline() {
    DeviceCredentials washer = hub.givenDevice("washer");
    VertxMqtt311Device device =
        VertxMqtt311Device.connect(
            hub.mqttPort(),
            washer,
            o ->
                o.setKeepAliveInterval(1)
                    .setAutoKeepAlive(false)
                    .setWillFlag(true)
                    .setWillTopic("hearth/v1/" + washer.id() + "/status")
                    .setWillMessageBytes(Buffer.buffer(Payloads.offlineWill()))
                    .setWillQoS(MqttQoS.AT_LEAST_ONCE.value())
                    .setWillRetain(true));
    assertThat(device.publish(TopicKind.STATUS, Payloads.online())).isEqualTo(Answer.ACKED);

    assertThat(Eventually.await(() -> presence(washer), "offline", PRESENCE_TIMEOUT))
        .isEqualTo("offline");
    assertThat(device.isConnected()).isFalse();
    device.close();
  }

  @Test
  void aCleanDisconnectMarksTheDeviceOffline() {
    DeviceCredentials washer = hub.givenDevice("washer");
    try (PahoDevice device = PahoDevice.connect(hub.mqttPort(), washer)) {
      assertThat(device.publish(TopicKind.STATUS, Payloads.online())).isEqualTo(Answer.ACKED);
    }
    assertThat(Eventually.await(() -> presence(washer), "offline", PRESENCE_TIMEOUT))
        .isEqualTo("offline");
  }

  @Test
  void aLastWillOnAnotherDevicesTopicIsRefusedAtConnect() {
    DeviceCredentials victim = hub.givenDevice("victim");
    DeviceCredentials intruder = hub.givenDevice("intruder");
    try {
      PahoDevice.connect(
              "tcp://127.0.0.1:" + hub.mqttPort(),
              intruder,
              o -> o.setWill("hearth/v1/" + victim.id() + "/status", will()))
          .close();
      throw new AssertionError("connected with another device's will");
    } catch (IllegalStateException e) {
      assertThat(((MqttException) e.getCause()).getReasonCode()).isEqualTo(0x87);
    }
    assertThat(log.lines())
        .anySatisfy(l -> assertThat(l).contains(intruder.id(), "last will", victim.id()));
    assertThat(hub.store().devices().find(victim.id()).map(Device::presence)).hasValue("offline");
  }

  @Test
  void aSecondConnectionTakesOverWithoutMarkingTheDeviceOffline() throws Exception {
    DeviceCredentials washer = hub.givenDevice("washer");
    PahoDevice first = PahoDevice.connect(hub.mqttPort(), washer);
    assertThat(first.publish(TopicKind.STATUS, Payloads.online())).isEqualTo(Answer.ACKED);

    try (PahoDevice second = PahoDevice.connect(hub.mqttPort(), washer)) {
      assertThat(Eventually.await(first::isConnected, false, PRESENCE_TIMEOUT)).isFalse();
      Thread.sleep(200); // what the old session's end would have written is committed by now
      assertThat(presence(washer)).isEqualTo("online");
      assertThat(second.publish(TopicKind.STATE, Payloads.state(1, Phase.IDLE)))
          .isEqualTo(Answer.ACKED);
    }
    first.close();
  }

  @Test
  void tlsConnectionsWork() {
    DeviceCredentials washer = hub.givenDevice("washer");
    try (PahoDevice device =
        PahoDevice.connectTls(hub.mqttTlsPort(), washer, hub.certificate().socketFactory())) {
      assertThat(device.publish(TopicKind.STATE, Payloads.state(1, Phase.RUNNING)))
          .isEqualTo(Answer.ACKED);
    }
    assertThat(hub.store().events().latestState(washer.id())).isPresent();
  }

  @Test
  void qos0TelemetryIsStoredWithoutAnAcknowledgement() {
    DeviceCredentials washer = hub.givenDevice("washer");
    try (PahoDevice device = PahoDevice.connect(hub.mqttPort(), washer)) {
      device.publishRaw("hearth/v1/" + washer.id() + "/telemetry", 0, Payloads.telemetry(1, 40.0));
      // Batches are written in order: once this QoS 1 event is stored, so is the telemetry.
      assertThat(device.publish(TopicKind.EVENTS, Payloads.event(1))).isEqualTo(Answer.ACKED);
    }
    assertThat(hub.store().telemetry().latest(washer.id())).isNotEmpty();
  }

  @Test
  void aMessageOverTheTransportLimitEndsTheConnection() {
    DeviceCredentials washer = hub.givenDevice("washer");
    try (VertxMqtt311Device device = VertxMqtt311Device.connect(hub.mqttPort(), washer)) {
      byte[] huge = new byte[200 * 1024];
      assertThat(device.publish(TopicKind.TELEMETRY, huge)).isEqualTo(Answer.CLOSED);
    }
    assertThat(hub.store().telemetry().latest(washer.id())).isEmpty();
  }

  @Test
  void publishesOverTheRateLimitAreRefusedOnMqtt5AndLogged() {
    DeviceCredentials washer = hub.givenDevice("washer");
    List<Answer> answers = new ArrayList<>();
    try (PahoDevice device = PahoDevice.connect(hub.mqttPort(), washer)) {
      for (int seq = 1; seq <= 2 * BURST; seq++) {
        answers.add(device.publish(TopicKind.EVENTS, Payloads.event(seq)));
      }
      assertThat(device.isConnected()).isTrue();
    }
    long acked = answers.stream().filter(Answer.ACKED::equals).count();
    assertThat(answers).contains(Answer.refused("0x97")); // quota exceeded
    assertThat(acked).isGreaterThanOrEqualTo(BURST).isLessThan(2 * BURST);
    assertThat(hub.store().events().of(washer.id(), PageRequest.first(100)).items())
        .hasSize((int) acked);
    assertThat(log.lines()).anySatisfy(l -> assertThat(l).contains(washer.id(), "RATE_LIMITED"));
  }

  @Test
  void publishesOverTheRateLimitCloseAnMqtt311Connection() {
    DeviceCredentials washer = hub.givenDevice("washer");
    try (VertxMqtt311Device device = VertxMqtt311Device.connect(hub.mqttPort(), washer)) {
      List<Answer> answers = new ArrayList<>();
      for (int seq = 1; seq <= 2 * BURST && !answers.contains(Answer.CLOSED); seq++) {
        answers.add(device.publish(TopicKind.EVENTS, Payloads.event(seq)));
      }
      assertThat(answers).endsWith(Answer.CLOSED);
      assertThat(answers.subList(0, answers.size() - 1)).containsOnly(Answer.ACKED);
    }
  }

  private static MqttMessage will() {
    var will = new MqttMessage(Payloads.offlineWill(), 1, true, null);
    return will;
  }

  private static String presence(DeviceCredentials device) {
    return hub.store().devices().find(device.id()).map(Device::presence).orElseThrow();
  }
}
