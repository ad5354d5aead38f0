package dev.hearth.agent.update;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.specs.wire.DeviceId;
import dev.hearth.specs.wire.Event;
import dev.hearth.specs.wire.Topic;
import dev.hearth.specs.wire.TopicKind;
import dev.hearth.specs.wire.UpdateOffer;
import dev.hearth.specs.wire.WireCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * The hub as an agent in another process sees it: a real MQTT client on the broker, publishing
 * offers on the device's {@code update} topic and reading its {@code update-progress} events.
 */
final class HubSide implements AutoCloseable {

  static final Duration WAIT = Duration.ofSeconds(60);

  private final WireCodec codec = new WireCodec();
  private final DeviceId device;
  private final MqttAsyncClient client;
  private final List<Event> events = new ArrayList<>();

  private HubSide(String broker, DeviceId device) throws MqttException {
    this.device = device;
    this.client = new MqttAsyncClient(broker, "hub-" + UUID.randomUUID(), new MemoryPersistence());
    client.setCallback(
        new MqttCallback() {
          @Override
          public void disconnected(MqttDisconnectResponse r) {}

          @Override
          public void mqttErrorOccurred(MqttException e) {}

          @Override
          public void messageArrived(String topic, MqttMessage message) {
            codec
                .decode(Event.class, message.getPayload())
                .payload()
                .ifPresent(
                    e -> {
                      synchronized (events) {
                        events.add(e);
                      }
                    });
          }

          @Override
          public void deliveryComplete(IMqttToken token) {}

          @Override
          public void connectComplete(boolean reconnect, String serverUri) {}

          @Override
          public void authPacketArrived(int reasonCode, MqttProperties properties) {}
        });
    client.connect(new MqttConnectionOptions()).waitForCompletion(WAIT.toMillis());
    client
        .subscribe(new Topic(device, TopicKind.EVENTS).name(), 1)
        .waitForCompletion(WAIT.toMillis());
  }

  static HubSide connect(String broker, DeviceId device) throws MqttException {
    return new HubSide(broker, device);
  }

  void offer(UpdateOffer offer) throws MqttException {
    client
        .publish(
            new Topic(device, TopicKind.UPDATE).name(),
            new MqttMessage(codec.encode(offer), 1, false, new MqttProperties()))
        .waitForCompletion(WAIT.toMillis());
  }

  /** The data of every update-progress event of {@code offerId} so far, in order of arrival. */
  List<JsonNode> progress(String offerId) {
    synchronized (events) {
      return events.stream()
          .filter(e -> e.type().equals("update-progress"))
          .map(e -> (JsonNode) e.data())
          .filter(d -> d.path("offerId").asText().equals(offerId))
          .toList();
    }
  }

  /** Waits for an update-progress event of {@code offerId} matching {@code test}. */
  JsonNode await(String offerId, Predicate<JsonNode> test) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      for (JsonNode d : progress(offerId)) {
        if (test.test(d)) {
          return d;
        }
      }
      RecordingEvents.sleep(20);
    }
    return fail(
        "no matching update-progress for %s within %s; got %s", offerId, WAIT, progress(offerId));
  }

  JsonNode awaitFinal(String offerId) {
    return await(
        offerId,
        d -> List.of("committed", "rolled-back", "failed").contains(d.path("state").asText()));
  }

  @Override
  public void close() throws MqttException {
    if (client.isConnected()) {
      client.disconnect().waitForCompletion(2000);
    }
    client.close(true);
  }
}
