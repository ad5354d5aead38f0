package dev.hearth.hub.gateway.mqtt;

import dev.hearth.hub.gateway.testing.Answer;
import dev.hearth.hub.gateway.testing.DeviceClient;
import dev.hearth.hub.gateway.testing.TestGateway.DeviceCredentials;
import dev.hearth.specs.wire.DeviceId;
import dev.hearth.specs.wire.Topic;
import dev.hearth.specs.wire.TopicKind;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.net.SocketFactory;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/** A device on MQTT 5, as the agent connects: Paho's v5 client. */
public final class PahoDevice implements DeviceClient {

  private static final long TIMEOUT_MILLIS = 5000;

  private final String uri;
  private final DeviceCredentials credentials;
  private final Consumer<MqttConnectionOptions> options;
  private final BlockingQueue<MqttMessage> received = new LinkedBlockingQueue<>();
  private MqttAsyncClient client;

  private PahoDevice(
      String uri, DeviceCredentials credentials, Consumer<MqttConnectionOptions> options) {
    this.uri = uri;
    this.credentials = credentials;
    this.options = options;
  }

  /** Connects over plain TCP to {@code port} on loopback. */
  public static PahoDevice connect(int port, DeviceCredentials credentials) {
    return connect("tcp://127.0.0.1:" + port, credentials, o -> {});
  }

  /** Connects to {@code uri} with options adjusted by {@code options}. */
  public static PahoDevice connect(
      String uri, DeviceCredentials credentials, Consumer<MqttConnectionOptions> options) {
    var device = new PahoDevice(uri, credentials, options);
    device.reconnect();
    return device;
  }

  /** Connects with TLS, trusting what {@code sockets} trust. */
  public static PahoDevice connectTls(
      int port, DeviceCredentials credentials, SocketFactory sockets) {
    return connect("ssl://127.0.0.1:" + port, credentials, o -> o.setSocketFactory(sockets));
  }

  /** Tries to connect and says whether the hub accepted the credentials. */
  public static MqttException refusal(int port, DeviceCredentials credentials) {
    try {
      connect(port, credentials).close();
      return null;
    } catch (IllegalStateException e) {
      return (MqttException) e.getCause();
    }
  }

  @Override
  public String id() {
    return credentials.id();
  }

  public MqttAsyncClient client() {
    return client;
  }

  public boolean isConnected() {
    return client.isConnected();
  }

  /** Subscribes and returns the reason codes of the SUBACK. */
  public int[] subscribe(String filter) {
    try {
      IMqttToken token = client.subscribe(filter, 1);
      token.waitForCompletion(TIMEOUT_MILLIS);
      return token.getReasonCodes();
    } catch (MqttException e) {
      return new int[] {e.getReasonCode()};
    }
  }

  /** Subscribes to its own commands topic. */
  public void listenForCommands() {
    int[] codes = subscribe(new Topic(new DeviceId(id()), TopicKind.COMMANDS).name());
    if (codes[0] >= 0x80) {
      throw new IllegalStateException("commands subscription refused: " + codes[0]);
    }
  }

  /** The next message the hub published to this device, or null after {@code millis}. */
  public MqttMessage nextMessage(long millis) throws InterruptedException {
    return received.poll(millis, TimeUnit.MILLISECONDS);
  }

  public String nextMessageText(long millis) throws InterruptedException {
    MqttMessage message = nextMessage(millis);
    return message == null ? null : new String(message.getPayload(), StandardCharsets.UTF_8);
  }

  @Override
  public Answer publishAs(String topicDevice, TopicKind kind, byte[] payload) {
    return publishRaw("hearth/v1/" + topicDevice + "/" + kind.suffix(), 1, payload);
  }

  /** Publishes on any topic name with any QoS. */
  public Answer publishRaw(String topic, int qos, byte[] payload) {
    if (!client.isConnected()) {
      reconnect();
    }
    try {
      IMqttToken token = client.publish(topic, payload, qos, false);
      token.waitForCompletion(TIMEOUT_MILLIS);
      int[] codes = token.getReasonCodes();
      if (codes != null && codes.length > 0 && codes[0] >= 0x80) {
        return Answer.refused(hex(codes[0]));
      }
      return Answer.ACKED;
    } catch (MqttException e) {
      if (!client.isConnected()) {
        return Answer.CLOSED;
      }
      return Answer.refused(hex(e.getReasonCode()));
    }
  }

  /** Drops the TCP connection without DISCONNECT, as a crash or power loss would. */
  public void dropConnection() {
    try {
      client.disconnectForcibly(0, 1000, false);
    } catch (MqttException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    try {
      if (client.isConnected()) {
        client.disconnect().waitForCompletion(TIMEOUT_MILLIS);
      }
      client.close(true);
    } catch (MqttException e) {
      // closing anyway
    }
  }

  private void reconnect() {
    try {
      if (client != null) {
        client.close(true);
      }
      client = new MqttAsyncClient(uri, credentials.id(), new MemoryPersistence());
      client.setCallback(
          new MqttCallback() {
            @Override
            public void disconnected(MqttDisconnectResponse response) {}

            @Override
            public void mqttErrorOccurred(MqttException exception) {}

            @Override
            public void messageArrived(String topic, MqttMessage message) {
              received.add(message);
            }

            @Override
            public void deliveryComplete(IMqttToken token) {}

            @Override
            public void connectComplete(boolean reconnect, String serverUri) {}

            @Override
            public void authPacketArrived(int reasonCode, MqttProperties properties) {}
          });
      var connection = new MqttConnectionOptions();
      connection.setUserName(credentials.id());
      connection.setPassword(credentials.password().getBytes(StandardCharsets.UTF_8));
      connection.setCleanStart(true);
      connection.setAutomaticReconnect(false);
      connection.setConnectionTimeout(5);
      options.accept(connection);
      client.connect(connection).waitForCompletion(TIMEOUT_MILLIS);
    } catch (MqttException e) {
      throw new IllegalStateException("connect failed: " + e.getMessage(), e);
    }
  }

  static String hex(int code) {
    return String.format("0x%02X", code);
  }
}
