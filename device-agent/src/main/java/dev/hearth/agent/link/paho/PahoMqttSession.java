package dev.hearth.agent.link.paho;

import dev.hearth.agent.link.ConnectSpec;
import dev.hearth.agent.link.MqttSession;
import dev.hearth.agent.link.Outgoing;
import dev.hearth.agent.link.PublishOutcome;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link MqttSession} on the Eclipse Paho MQTT 5 client ({@code org.eclipse.paho.mqttv5.client}).
 * MQTT 5 is all the link needs; nothing here falls back to 3.1.1. It gives the link the PUBACK
 * reason codes (a refused publish is told apart from a lost one), session expiry with clean start
 * off, the broker's receive maximum and a maximum packet size.
 *
 * <p>One Paho client per connection attempt, with in-memory persistence: Paho's own automatic
 * reconnect and resend are off, because the link decides when to retry (backoff with jitter) and
 * resends from its outbox, which survives restarts. Clean start is off so the broker keeps the
 * subscriptions and the QoS 1 commands addressed to the agent while it is away; the agent's own QoS
 * 1 publishes need no broker session.
 */
public final class PahoMqttSession implements MqttSession {

  private static final Logger log = LoggerFactory.getLogger(PahoMqttSession.class);

  /** MQTT 5 reason codes from 0x80 on are failures. */
  private static final int FIRST_FAILURE_CODE = 0x80;

  /** Set when the session reports its end (or is told to end): no callbacks after it. */
  private final AtomicBoolean ended = new AtomicBoolean();

  /** Set once the Paho client is shut down, always from the link's thread, never from Paho's. */
  private final AtomicBoolean closed = new AtomicBoolean();

  private volatile MqttAsyncClient client;
  private volatile Listener listener;

  /** Makes Paho sessions. */
  public static MqttSession.Factory factory() {
    return PahoMqttSession::new;
  }

  @Override
  public void connect(ConnectSpec spec, Listener listener) {
    this.listener = listener;
    try {
      client =
          new MqttAsyncClient(spec.broker().toString(), spec.clientId(), new MemoryPersistence());
      client.setCallback(new Callback());
      client.connect(
          options(spec),
          null,
          new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
              subscribe(spec, token.getSessionPresent(), receiveMaximum(token));
            }

            @Override
            public void onFailure(IMqttToken token, Throwable e) {
              failConnect(describe(e));
            }
          });
    } catch (MqttException | RuntimeException e) {
      failConnect(describe(e));
    }
  }

  private void subscribe(ConnectSpec spec, boolean sessionPresent, int receiveMaximum) {
    var subscriptions =
        spec.subscriptions().stream()
            .map(topic -> new MqttSubscription(topic, 1))
            .toArray(MqttSubscription[]::new);
    try {
      client.subscribe(
          subscriptions,
          null,
          new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
              int[] codes = token.getReasonCodes();
              List<String> refused = new ArrayList<>();
              for (int i = 0; i < subscriptions.length; i++) {
                if (codes != null && i < codes.length && codes[i] >= FIRST_FAILURE_CODE) {
                  refused.add(subscriptions[i].getTopic());
                }
              }
              if (!ended.get()) {
                listener.connected(new Connected(sessionPresent, receiveMaximum, refused));
              }
            }

            @Override
            public void onFailure(IMqttToken token, Throwable e) {
              failConnect("subscribing failed: " + describe(e));
            }
          },
          new MqttProperties());
    } catch (MqttException | RuntimeException e) {
      failConnect("subscribing failed: " + describe(e));
    }
  }

  @Override
  public void publish(Outgoing message, long tag) {
    var mqttMessage =
        new MqttMessage(message.payload(), message.qos(), message.retained(), new MqttProperties());
    try {
      client.publish(
          message.topic(),
          mqttMessage,
          null,
          new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
              settle(tag, outcome(token));
            }

            @Override
            public void onFailure(IMqttToken token, Throwable e) {
              settle(tag, new PublishOutcome.Failed(describe(e)));
            }
          });
    } catch (MqttException | RuntimeException e) {
      settle(tag, new PublishOutcome.Failed(describe(e)));
    }
  }

  @Override
  public void close(Outgoing farewell, Duration timeout) {
    ended.set(true);
    if (closed.getAndSet(true)) {
      return;
    }
    MqttAsyncClient c = client;
    try {
      if (c != null && c.isConnected()) {
        if (farewell != null) {
          c.publish(
                  farewell.topic(),
                  new MqttMessage(
                      farewell.payload(),
                      farewell.qos(),
                      farewell.retained(),
                      new MqttProperties()))
              .waitForCompletion(timeout.toMillis());
        }
        c.disconnect(timeout.toMillis()).waitForCompletion(timeout.toMillis());
      }
    } catch (MqttException | RuntimeException e) {
      log.warn("clean disconnect failed ({}); dropping the connection", describe(e));
    } finally {
      shutDown(c);
    }
  }

  @Override
  public void abort() {
    ended.set(true);
    if (!closed.getAndSet(true)) {
      shutDown(client);
    }
  }

  private static void shutDown(MqttAsyncClient c) {
    if (c == null) {
      return;
    }
    try {
      if (c.isConnected()) {
        // No DISCONNECT packet: to the broker this is a lost connection, as it is to us.
        c.disconnectForcibly(0, 0, false);
      }
    } catch (MqttException | RuntimeException e) {
      log.debug("forced disconnect: {}", e.toString());
    }
    try {
      c.close(true);
    } catch (MqttException | RuntimeException e) {
      log.debug("closing the Paho client: {}", e.toString());
    }
  }

  /** Reports a failed attempt; the link then calls {@link #abort()} to free the client. */
  private void failConnect(String reason) {
    if (!ended.getAndSet(true)) {
      listener.connectFailed(reason);
    }
  }

  private void settle(long tag, PublishOutcome outcome) {
    if (!ended.get()) {
      listener.published(tag, outcome);
    }
  }

  private static PublishOutcome outcome(IMqttToken token) {
    int[] codes = token.getReasonCodes();
    if (codes != null && codes.length > 0 && codes[0] >= FIRST_FAILURE_CODE) {
      MqttProperties properties = token.getResponseProperties();
      String reason = properties == null ? null : properties.getReasonString();
      return new PublishOutcome.Refused(codes[0], reason == null ? describeCode(codes[0]) : reason);
    }
    return new PublishOutcome.Delivered();
  }

  private static int receiveMaximum(IMqttToken token) {
    MqttProperties properties = token.getResponseProperties();
    Integer maximum = properties == null ? null : properties.getReceiveMaximum();
    return maximum == null ? 65_535 : maximum;
  }

  private static MqttConnectionOptions options(ConnectSpec spec) {
    var o = new MqttConnectionOptions();
    o.setCleanStart(false);
    o.setSessionExpiryInterval(spec.sessionExpiry().toSeconds());
    o.setKeepAliveInterval((int) spec.keepAlive().toSeconds());
    o.setConnectionTimeout((int) Math.max(1, spec.connectTimeout().toSeconds()));
    o.setAutomaticReconnect(false);
    o.setMaximumPacketSize((long) spec.maxInboundPacketBytes());
    if (spec.username() != null) {
      o.setUserName(spec.username());
    }
    if (spec.password() != null) {
      o.setPassword(spec.password().getBytes(StandardCharsets.UTF_8));
    }
    if (spec.tls() != null) {
      o.setSocketFactory(spec.tls());
    }
    // Paho's default, stated: the hub's certificate must name the host we dialled.
    o.setHttpsHostnameVerificationEnabled(true);
    Outgoing will = spec.will();
    o.setWill(
        will.topic(),
        new MqttMessage(will.payload(), will.qos(), will.retained(), new MqttProperties()));
    return o;
  }

  private static String describe(Throwable e) {
    if (e instanceof MqttException m) {
      String code =
          m.getReasonCode() > 0 ? " (reason " + describeCode(m.getReasonCode()) + ")" : "";
      Throwable cause = m.getCause();
      return m.getMessage() + code + (cause == null ? "" : ": " + cause);
    }
    return String.valueOf(e);
  }

  private static String describeCode(int code) {
    String name;
    switch (code) {
      case 0x80:
        name = "unspecified error";
        break;
      case 0x83:
        name = "implementation specific error";
        break;
      case 0x86:
        name = "bad user name or password";
        break;
      case 0x87:
        name = "not authorized";
        break;
      case 0x90:
        name = "topic name invalid";
        break;
      case 0x95:
        name = "packet too large";
        break;
      case 0x97:
        name = "quota exceeded";
        break;
      case 0x99:
        name = "payload format invalid";
        break;
      default:
        name = "code";
    }
    return String.format("0x%02x %s", code, name);
  }

  /** Forwards what Paho reports about the connection and incoming messages. */
  private final class Callback implements MqttCallback {
    @Override
    public void disconnected(MqttDisconnectResponse response) {
      if (ended.getAndSet(true)) {
        return;
      }
      String reason =
          response.getException() != null
              ? describe(response.getException())
              : "the broker disconnected ("
                  + describeCode(response.getReturnCode())
                  + ")"
                  + (response.getReasonString() == null ? "" : ": " + response.getReasonString());
      // Paho must not be closed from its own callback thread; the link calls abort().
      listener.connectionLost(reason);
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
      log.warn("MQTT protocol error: {}", describe(exception));
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
      // Never throw back into Paho: it would drop the connection.
      try {
        if (!ended.get()) {
          listener.received(topic, message.getPayload());
        }
      } catch (RuntimeException e) {
        log.error("handling a message on {} failed", topic, e);
      }
    }

    @Override
    public void deliveryComplete(IMqttToken token) {}

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {}

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {}
  }
}
