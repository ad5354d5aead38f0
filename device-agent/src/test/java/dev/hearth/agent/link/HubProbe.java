package dev.hearth.agent.link;

import static org.assertj.core.api.Assertions.fail;

import dev.hearth.specs.wire.DeviceId;
import dev.hearth.specs.wire.Topic;
import dev.hearth.specs.wire.TopicKind;
import dev.hearth.specs.wire.WireCodec;
import dev.hearth.specs.wire.WirePayload;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * The hub's side of a link test: a real Paho MQTT 5 client subscribed to everything under one
 * device, recording what arrives in order, and publishing commands and offers to it.
 */
final class HubProbe implements AutoCloseable {

  static final Duration WAIT = Duration.ofSeconds(20);

  /** One message as it arrived. */
  record Received(String topic, byte[] payload, boolean retained) {
    TopicKind kind() {
      return ((dev.hearth.specs.wire.TopicCheck.Accepted) Topic.parse(topic)).topic().kind();
    }

    String text() {
      return new String(payload, StandardCharsets.UTF_8);
    }
  }

  private final WireCodec codec = new WireCodec();
  private final String brokerUri;
  private final DeviceId device;
  private final List<Received> received = new ArrayList<>();
  private MqttAsyncClient client;

  private HubProbe(String brokerUri, DeviceId device) {
    this.brokerUri = brokerUri;
    this.device = device;
  }

  /** Connects and subscribes to {@code hearth/v1/{device}/#}. */
  static HubProbe connect(String brokerUri, DeviceId device) throws MqttException {
    var probe = new HubProbe(brokerUri, device);
    probe.connect();
    return probe;
  }

  /** Connects again (after a broker restart), subscribing afresh. */
  void connect() throws MqttException {
    if (client != null) {
      closeQuietly();
    }
    client = new MqttAsyncClient(brokerUri, "probe-" + UUID.randomUUID(), new MemoryPersistence());
    client.setCallback(
        new MqttCallback() {
          @Override
          public void disconnected(MqttDisconnectResponse r) {}

          @Override
          public void mqttErrorOccurred(MqttException e) {}

          @Override
          public void messageArrived(String topic, MqttMessage message) {
            synchronized (received) {
              received.add(new Received(topic, message.getPayload(), message.isRetained()));
            }
          }

          @Override
          public void deliveryComplete(IMqttToken token) {}

          @Override
          public void connectComplete(boolean reconnect, String serverUri) {}

          @Override
          public void authPacketArrived(int reasonCode, MqttProperties properties) {}
        });
    var options = new MqttConnectionOptions();
    options.setCleanStart(true);
    client.connect(options).waitForCompletion(WAIT.toMillis());
    var all = new MqttSubscription(Topic.PREFIX + device.value() + "/#", 1);
    all.setNoLocal(true);
    client.subscribe(new MqttSubscription[] {all}).waitForCompletion(WAIT.toMillis());
  }

  /** Publishes {@code payload} to the device's {@code kind} topic, QoS 1. */
  void publish(TopicKind kind, byte[] payload) throws MqttException {
    client
        .publish(
            new Topic(device, kind).name(),
            new MqttMessage(payload, 1, false, new MqttProperties()))
        .waitForCompletion(WAIT.toMillis());
  }

  void publish(TopicKind kind, String payload) throws MqttException {
    publish(kind, payload.getBytes(StandardCharsets.UTF_8));
  }

  /** Removes the device's retained status, so the shared broker stays clean. */
  void clearRetained() throws MqttException {
    client
        .publish(
            new Topic(device, TopicKind.STATUS).name(),
            new MqttMessage(new byte[0], 1, true, new MqttProperties()))
        .waitForCompletion(WAIT.toMillis());
  }

  /** Everything received so far, in order. */
  List<Received> all() {
    synchronized (received) {
      return List.copyOf(received);
    }
  }

  /** What arrived on {@code kind}, in order. */
  List<Received> on(TopicKind kind) {
    return all().stream().filter(r -> r.payload().length > 0 && r.kind() == kind).toList();
  }

  /** What arrived on {@code type}'s topic, decoded, in order. */
  <T extends WirePayload> List<T> decoded(Class<T> type) {
    return on(TopicKind.of(type)).stream()
        .map(
            r ->
                codec
                    .decode(type, r.payload())
                    .payload()
                    .orElseThrow(() -> new AssertionError("does not decode: " + r.text())))
        .toList();
  }

  /** Waits for the first decoded {@code type} payload matching {@code test}. */
  <T extends WirePayload> T await(Class<T> type, Predicate<T> test) {
    Optional<T> found = Optional.empty();
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      found = decoded(type).stream().filter(test).findFirst();
      if (found.isPresent()) {
        return found.get();
      }
      sleep(10);
    }
    return fail(
        "no matching %s arrived within %s; received: %s",
        type.getSimpleName(), WAIT, all().stream().map(Received::text).toList());
  }

  /** Waits until {@code condition} holds. */
  static void awaitTrue(String what, BooleanSupplier condition) {
    awaitTrue(what, condition, WAIT);
  }

  static void awaitTrue(String what, BooleanSupplier condition, Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("timed out after %s waiting for %s", wait, what);
      }
      sleep(10);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  @Override
  public void close() {
    closeQuietly();
  }

  private void closeQuietly() {
    try {
      if (client.isConnected()) {
        client.disconnect().waitForCompletion(2000);
      }
    } catch (MqttException e) {
      // closing anyway
    }
    try {
      client.close(true);
    } catch (MqttException e) {
      // best effort
    }
  }
}
