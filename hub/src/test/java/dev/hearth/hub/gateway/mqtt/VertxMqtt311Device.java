package dev.hearth.hub.gateway.mqtt;

import dev.hearth.hub.gateway.testing.Answer;
import dev.hearth.hub.gateway.testing.DeviceClient;
import dev.hearth.hub.gateway.testing.TestGateway.DeviceCredentials;
import dev.hearth.specs.wire.TopicKind;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import io.vertx.mqtt.messages.MqttSubAckMessage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A device on MQTT 3.1.1. Paho's 3.1.1 client is not among the hub's test dependencies, so this is
 * vertx-mqtt's client, which speaks 3.1.1 only.
 */
public final class VertxMqtt311Device implements DeviceClient {

  private static final long TIMEOUT_SECONDS = 5;

  private final Vertx vertx = Vertx.vertx();
  private final int port;
  private final DeviceCredentials credentials;
  private final Consumer<MqttClientOptions> options;
  private final Map<Integer, CompletableFuture<Answer>> waiting = new ConcurrentHashMap<>();
  private final Map<Integer, Boolean> acked = new ConcurrentHashMap<>();
  private volatile MqttClient client;
  private volatile boolean connected;

  private VertxMqtt311Device(
      int port, DeviceCredentials credentials, Consumer<MqttClientOptions> options) {
    this.port = port;
    this.credentials = credentials;
    this.options = options;
  }

  public static VertxMqtt311Device connect(int port, DeviceCredentials credentials) {
    return connect(port, credentials, o -> {});
  }

  public static VertxMqtt311Device connect(
      int port, DeviceCredentials credentials, Consumer<MqttClientOptions> options) {
    var device = new VertxMqtt311Device(port, credentials, options);
    device.reconnect();
    return device;
  }

  @Override
  public String id() {
    return credentials.id();
  }

  public boolean isConnected() {
    return connected;
  }

  /** Subscribes and returns the granted QoS per filter (0x80 for a refusal). */
  public List<Integer> subscribe(String filter) {
    MqttSubAckMessage[] suback = new MqttSubAckMessage[1];
    var done = new CompletableFuture<Void>();
    client.subscribeCompletionHandler(
        s -> {
          suback[0] = s;
          done.complete(null);
        });
    await(client.subscribe(filter, 1));
    await(Future.fromCompletionStage(done));
    return suback[0].grantedQoSLevels();
  }

  @Override
  public Answer publishAs(String topicDevice, TopicKind kind, byte[] payload) {
    if (!connected) {
      reconnect();
    }
    var answer = new CompletableFuture<Answer>();
    int packetId;
    try {
      packetId =
          await(
              client.publish(
                  "hearth/v1/" + topicDevice + "/" + kind.suffix(),
                  Buffer.buffer(payload),
                  MqttQoS.AT_LEAST_ONCE,
                  false,
                  false));
    } catch (IllegalStateException e) {
      return Answer.CLOSED;
    }
    waiting.put(packetId, answer);
    if (acked.remove(packetId) != null || !connected) {
      answer.complete(connected ? Answer.ACKED : Answer.CLOSED);
    }
    try {
      return answer.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("no answer to packet " + packetId, e);
    } finally {
      waiting.remove(packetId);
    }
  }

  @Override
  public void close() {
    if (connected) {
      await(client.disconnect());
    }
    await(vertx.close());
  }

  private void reconnect() {
    var clientOptions =
        new MqttClientOptions()
            .setClientId(credentials.id())
            .setUsername(credentials.id())
            .setPassword(credentials.password())
            .setCleanSession(true)
            .setMaxMessageSize(256 * 1024);
    options.accept(clientOptions);
    client = MqttClient.create(vertx, clientOptions);
    client.publishCompletionHandler(
        id -> {
          CompletableFuture<Answer> answer = waiting.get(id);
          if (answer != null) {
            answer.complete(Answer.ACKED);
          } else {
            acked.put(id, true);
          }
        });
    client.closeHandler(
        v -> {
          connected = false;
          waiting.values().forEach(a -> a.complete(Answer.CLOSED));
        });
    await(client.connect(port, "127.0.0.1"));
    connected = true;
  }

  private static <T> T await(Future<T> future) {
    try {
      return future
          .toCompletionStage()
          .toCompletableFuture()
          .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
