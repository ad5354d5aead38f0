package dev.hearth.hub.gateway.mqtt;

import dev.hearth.hub.gateway.Refusal;
import io.vertx.mqtt.messages.codes.MqttDisconnectReasonCode;
import io.vertx.mqtt.messages.codes.MqttPubAckReasonCode;

/**
 * The answer to a device's QoS 1 PUBLISH: a PUBACK (with a reason code on MQTT 5) or the end of the
 * connection. Decided here once for every refusal, per protocol version:
 *
 * <table>
 *   <caption>Answers to refused QoS 1 publishes</caption>
 *   <tr><th>refusal</th><th>MQTT 5</th><th>MQTT 3.1.1</th></tr>
 *   <tr><td>unknown topic</td><td>PUBACK 0x90 topic name invalid</td><td>close</td></tr>
 *   <tr><td>forbidden</td><td>PUBACK 0x87 not authorized</td><td>close</td></tr>
 *   <tr><td>malformed, too large</td><td>PUBACK 0x99 payload format invalid</td>
 *       <td>PUBACK</td></tr>
 *   <tr><td>rate limited</td><td>PUBACK 0x97 quota exceeded</td><td>close</td></tr>
 *   <tr><td>busy, commit failed</td><td>DISCONNECT 0x89 server busy</td><td>close</td></tr>
 * </table>
 *
 * <p>MQTT 3.1.1 has no negative PUBACK: section 3.3.5 lets a server that refuses a publish either
 * acknowledge it or close the connection. Acknowledging would tell the device its message was
 * stored, so every refusal closes, except a bad payload: the wire chapter forbids disconnecting
 * over one, and redelivering it cannot help, so it is acknowledged after being refused and logged.
 * A full queue or a failed commit closes the connection on both versions: the device then
 * redelivers what was not acknowledged when it reconnects. QoS 0 publishes get no answer; their
 * refusals are only logged.
 */
final class VertxMqttReply {

  private final MqttPubAckReasonCode ack;
  private final MqttDisconnectReasonCode close;

  private VertxMqttReply(MqttPubAckReasonCode ack, MqttDisconnectReasonCode close) {
    this.ack = ack;
    this.close = close;
  }

  static final VertxMqttReply SUCCESS = new VertxMqttReply(MqttPubAckReasonCode.SUCCESS, null);
  static final VertxMqttReply SERVER_BUSY =
      new VertxMqttReply(null, MqttDisconnectReasonCode.SERVER_BUSY);

  /** The answer to a refused QoS 1 publish on a connection of {@code protocolVersion}. */
  static VertxMqttReply to(Refusal refusal, int protocolVersion) {
    boolean v5 = protocolVersion == VertxMqttSession.MQTT_5;
    switch (refusal.reason()) {
      case UNKNOWN_TOPIC:
        return v5 ? ack(MqttPubAckReasonCode.TOPIC_NAME_INVALID) : close(null);
      case FORBIDDEN:
        return v5 ? ack(MqttPubAckReasonCode.NOT_AUTHORIZED) : close(null);
      case TOO_LARGE:
      case MALFORMED:
        return v5 ? ack(MqttPubAckReasonCode.PAYLOAD_FORMAT_INVALID) : SUCCESS;
      case RATE_LIMITED:
        return v5 ? ack(MqttPubAckReasonCode.QUOTA_EXCEEDED) : close(null);
      case BUSY:
      default:
        return SERVER_BUSY;
    }
  }

  private static VertxMqttReply ack(MqttPubAckReasonCode code) {
    return new VertxMqttReply(code, null);
  }

  private static VertxMqttReply close(MqttDisconnectReasonCode code) {
    return new VertxMqttReply(null, code == null ? MqttDisconnectReasonCode.NOT_AUTHORIZED : code);
  }

  /** True when the connection ends instead of a PUBACK. */
  boolean closes() {
    return close != null;
  }

  MqttPubAckReasonCode ackCode() {
    return ack;
  }

  MqttDisconnectReasonCode closeCode() {
    return close;
  }
}
