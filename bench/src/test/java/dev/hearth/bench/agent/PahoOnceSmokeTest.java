package dev.hearth.bench.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.testing.MqttBrokerService;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.Test;

/** B5's bare client publishes its one telemetry message where a subscriber sees it. */
class PahoOnceSmokeTest {

  @Test
  void publishesOneTelemetryMessage() throws Exception {
    String broker = MqttBrokerService.get().tcpUri();
    String client = "paho-once-smoke-" + ProcessHandle.current().pid();
    CountDownLatch got = new CountDownLatch(1);
    String[] payload = new String[1];
    MqttClient sub = new MqttClient(broker, client + "-sub", new MemoryPersistence());
    sub.setCallback(
        new MqttCallback() {
          @Override
          public void messageArrived(String topic, MqttMessage message) {
            payload[0] = new String(message.getPayload(), StandardCharsets.UTF_8);
            got.countDown();
          }

          @Override
          public void disconnected(MqttDisconnectResponse r) {}

          @Override
          public void mqttErrorOccurred(MqttException e) {}

          @Override
          public void deliveryComplete(IMqttToken token) {}

          @Override
          public void connectComplete(boolean reconnect, String uri) {}

          @Override
          public void authPacketArrived(int reason, MqttProperties p) {}
        });
    sub.connect();
    sub.subscribe("hearth/v1/" + client + "/telemetry", 1);
    try {
      PahoOnce.main(new String[] {broker, client, "0"});

      assertThat(got.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(payload[0]).startsWith("{\"seq\":1,\"samples\":[");
    } finally {
      sub.disconnect();
      sub.close();
    }
  }
}
