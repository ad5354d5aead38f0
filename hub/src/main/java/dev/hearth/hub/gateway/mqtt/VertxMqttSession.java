package dev.hearth.hub.gateway.mqtt;

import dev.hearth.hub.gateway.Admission;
import dev.hearth.hub.gateway.RefusalLog;
import dev.hearth.hub.gateway.Transport;
import dev.hearth.specs.wire.DeviceId;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttProperties.IntegerProperty;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mqtt.MqttAuth;
import io.vertx.mqtt.MqttEndpoint;
import io.vertx.mqtt.MqttWill;
import io.vertx.mqtt.messages.MqttDisconnectMessage;
import io.vertx.mqtt.messages.MqttPublishMessage;
import io.vertx.mqtt.messages.codes.MqttDisconnectReasonCode;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One device's MQTT connection: authenticates the CONNECT, checks the last will, hands publishes to
 * {@link dev.hearth.hub.gateway.DeviceIngest} and answers them in order, and on the end of the
 * connection records the device offline (from its will when the connection was lost). Everything
 * runs on the connection's event loop except the credential check, which may be slow (password
 * hashing) and runs on a worker.
 */
final class VertxMqttSession {

  static final int MQTT_311 = 4;
  static final int MQTT_5 = 5;

  private static final Logger LOG = LoggerFactory.getLogger(VertxMqttSession.class);
  private static final String TRANSPORT = Transport.MQTT.label();

  private enum State {
    CONNECTING,
    OPEN,
    CLOSED
  }

  private final Vertx vertx;
  private final Context context;
  private final MqttEndpoint endpoint;
  private final VertxMqttWiring wiring;
  private final RefusalLog log;
  private final VertxMqttAcks acks;
  private State state = State.CONNECTING;
  private DeviceId device;
  private byte[] will;
  private VertxMqttCommandChannel commands;
  private VertxMqttSubscriptions subscriptions;
  private boolean cleanDisconnect;
  private boolean takenOver;

  VertxMqttSession(Vertx vertx, MqttEndpoint endpoint, VertxMqttWiring wiring) {
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.endpoint = endpoint;
    this.wiring = wiring;
    this.log = wiring.ingest().log();
    this.acks = new VertxMqttAcks(this::answer, task -> context.runOnContext(v -> task.run()));
  }

  /** Handles the CONNECT; called on the connection's event loop. */
  void start() {
    endpoint.publishAutoAck(false);
    endpoint.subscriptionAutoAck(false);
    endpoint.autoKeepAlive(true); // answers PINGREQ and closes after 1.5 keepalives of silence
    endpoint.closeHandler(v -> closed());
    endpoint.exceptionHandler(e -> LOG.debug("MQTT connection of '{}': {}", who(), e.toString()));
    int version = endpoint.protocolVersion();
    if (version != MQTT_311 && version != MQTT_5) {
      refuseConnect(
          MqttConnectReturnCode.CONNECTION_REFUSED_UNACCEPTABLE_PROTOCOL_VERSION,
          "UNSUPPORTED_VERSION",
          "MQTT protocol level " + version + " is not served; use 3.1.1 or 5");
      return;
    }
    MqttAuth auth = endpoint.auth();
    if (auth == null || !DeviceId.isValid(auth.getUsername()) || auth.getPassword() == null) {
      refuseConnect(
          badCredentials(), "BAD_CREDENTIALS", "no device id as user name, or no password");
      return;
    }
    var claimed = new DeviceId(auth.getUsername());
    byte[] secret = auth.getPassword().getBytes(StandardCharsets.UTF_8);
    vertx
        .executeBlocking(() -> wiring.authenticator().authenticate(claimed.value(), secret), false)
        .onComplete(
            result -> {
              if (state != State.CONNECTING) {
                return; // the client gave up while its credentials were checked
              }
              if (result.failed()) {
                LOG.error("credential check of '{}' failed", claimed, result.cause());
                refuseConnect(
                    v5()
                        ? MqttConnectReturnCode.CONNECTION_REFUSED_SERVER_UNAVAILABLE_5
                        : MqttConnectReturnCode.CONNECTION_REFUSED_SERVER_UNAVAILABLE,
                    "AUTHENTICATOR_FAILED",
                    "the credential check failed; try again later");
              } else {
                authenticated(claimed, Boolean.TRUE.equals(result.result()));
              }
            });
  }

  private void authenticated(DeviceId claimed, boolean ok) {
    if (!ok) {
      refuseConnect(badCredentials(), "BAD_CREDENTIALS", "wrong device id or password");
      return;
    }
    MqttWill lastWill = endpoint.will();
    if (lastWill != null && lastWill.isWillFlag()) {
      if (wiring
          .ingest()
          .checkWill(claimed, lastWill.getWillTopic(), lastWill.getWillQos())
          .isPresent()) {
        state = State.CLOSED;
        endpoint.reject(
            v5()
                ? MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED_5
                : MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED);
        return;
      }
      will = lastWill.getWillMessageBytes();
    }
    device = claimed;
    commands = new VertxMqttCommandChannel(endpoint, context, device);
    subscriptions =
        new VertxMqttSubscriptions(endpoint, device, commands, wiring.commands(), log, v5());
    endpoint.publishHandler(this::published);
    endpoint.publishAcknowledgeHandler(commands::acknowledged);
    endpoint.subscribeHandler(subscriptions::subscribe);
    endpoint.unsubscribeHandler(subscriptions::unsubscribe);
    endpoint.disconnectMessageHandler(this::disconnecting);
    state = State.OPEN;
    wiring.sessions().register(device, this).ifPresent(VertxMqttSession::takeOver);
    if (v5()) {
      endpoint.accept(false, connackProperties());
    } else {
      endpoint.accept(false);
    }
    LOG.debug(
        "device '{}' connected over MQTT {} from {}",
        device,
        v5() ? "5" : "3.1.1",
        endpoint.remoteAddress());
  }

  /**
   * Tells an MQTT 5 device the limits it must keep: the largest packet, how many QoS 1 messages it
   * may have unacknowledged, QoS 1 at most, and no wildcard or shared subscriptions.
   */
  private MqttProperties connackProperties() {
    var properties = new MqttProperties();
    properties.add(
        new IntegerProperty(MqttProperties.MAXIMUM_PACKET_SIZE, wiring.config().maxMessageBytes()));
    properties.add(
        new IntegerProperty(MqttProperties.RECEIVE_MAXIMUM, wiring.config().receiveMaximum()));
    properties.add(new IntegerProperty(MqttProperties.MAXIMUM_QOS, 1));
    properties.add(new IntegerProperty(MqttProperties.WILDCARD_SUBSCRIPTION_AVAILABLE, 0));
    properties.add(new IntegerProperty(MqttProperties.SHARED_SUBSCRIPTION_AVAILABLE, 0));
    properties.add(new IntegerProperty(MqttProperties.SUBSCRIPTION_IDENTIFIER_AVAILABLE, 0));
    return properties;
  }

  private void published(MqttPublishMessage message) {
    int qos = message.qosLevel().value();
    if (qos > 1) {
      // QoS 2 is never used (wire chapter, section 1); MQTT 5 devices were told so in CONNACK.
      log.refused(
          TRANSPORT,
          device.value(),
          "publish",
          message.topicName(),
          "WRONG_QOS",
          "QoS 2 is not served; closing the connection");
      end(MqttDisconnectReasonCode.QOS_NOT_SUPPORTED);
      return;
    }
    Admission admission =
        wiring.ingest().publish(device, message.topicName(), qos, message.payload().getBytes());
    if (qos == 0) {
      return;
    }
    CompletionStage<VertxMqttReply> reply;
    if (admission instanceof Admission.Accepted accepted) {
      reply =
          accepted
              .durable()
              .handle(
                  (v, failure) ->
                      failure == null ? VertxMqttReply.SUCCESS : VertxMqttReply.SERVER_BUSY);
    } else {
      reply =
          CompletableFuture.completedFuture(
              VertxMqttReply.to(
                  ((Admission.Refused) admission).refusal(), endpoint.protocolVersion()));
    }
    acks.add(message.messageId(), reply);
  }

  /** Sends one answer; called by {@link VertxMqttAcks} in publish order. */
  private void answer(int packetId, VertxMqttReply reply) {
    if (state != State.OPEN) {
      return;
    }
    if (reply.closes()) {
      LOG.info(
          "closing the MQTT connection of '{}' instead of acknowledging packet {}: {}",
          device,
          packetId,
          reply.closeCode());
      end(reply.closeCode());
    } else if (v5()) {
      endpoint.publishAcknowledge(packetId, reply.ackCode(), MqttProperties.NO_PROPERTIES);
    } else {
      endpoint.publishAcknowledge(packetId);
    }
  }

  private void disconnecting(MqttDisconnectMessage message) {
    // MQTT 5 lets a device ask for its will to be published even on a clean disconnect.
    cleanDisconnect = message.code() != MqttDisconnectReasonCode.WITH_WILL_MESSAGE;
  }

  /** A newer connection of the same device replaced this one. */
  private void takeOver() {
    context.runOnContext(
        v -> {
          takenOver = true;
          end(MqttDisconnectReasonCode.SESSION_TAKEN_OVER);
        });
  }

  /** Ends the connection from the hub's side; on MQTT 5 with a DISCONNECT saying why. */
  private void end(MqttDisconnectReasonCode why) {
    if (!endpoint.isConnected()) {
      return;
    }
    if (v5()) {
      endpoint.disconnect(why, MqttProperties.NO_PROPERTIES);
    } else {
      endpoint.close();
    }
  }

  private void closed() {
    State was = state;
    state = State.CLOSED;
    if (was != State.OPEN) {
      return;
    }
    acks.clear();
    commands.close();
    subscriptions.close();
    if (!wiring.sessions().remove(device, this) || takenOver) {
      return; // the session that replaced this one owns the device's presence
    }
    if (cleanDisconnect) {
      wiring.ingest().disconnected(device);
    } else {
      LOG.info("MQTT connection of '{}' lost; recording it offline", device);
      wiring.ingest().connectionLost(device, will);
    }
  }

  private void refuseConnect(MqttConnectReturnCode code, String reason, String message) {
    state = State.CLOSED;
    log.refused(
        TRANSPORT,
        who(),
        "connect",
        "",
        reason,
        message + " (from " + endpoint.remoteAddress() + ")");
    endpoint.reject(code);
  }

  private MqttConnectReturnCode badCredentials() {
    return v5()
        ? MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USERNAME_OR_PASSWORD
        : MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USER_NAME_OR_PASSWORD;
  }

  private boolean v5() {
    return endpoint.protocolVersion() == MQTT_5;
  }

  private String who() {
    if (device != null) {
      return device.value();
    }
    MqttAuth auth = endpoint.auth();
    return auth == null || auth.getUsername() == null ? "(anonymous)" : auth.getUsername();
  }
}
