package dev.hearth.hub.gateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.hub.gateway.Refusal;
import io.vertx.mqtt.messages.codes.MqttPubAckReasonCode;
import org.junit.jupiter.api.Test;

/** The documented answer to each refusal on each MQTT version. */
class VertxMqttReplyTest {

  @Test
  void mqtt5AnswersRefusalsWithReasonCodesAndClosesOnlyWhenBusy() {
    assertThat(ack(Refusal.Reason.UNKNOWN_TOPIC, 5))
        .isEqualTo(MqttPubAckReasonCode.TOPIC_NAME_INVALID);
    assertThat(ack(Refusal.Reason.FORBIDDEN, 5)).isEqualTo(MqttPubAckReasonCode.NOT_AUTHORIZED);
    assertThat(ack(Refusal.Reason.MALFORMED, 5))
        .isEqualTo(MqttPubAckReasonCode.PAYLOAD_FORMAT_INVALID);
    assertThat(ack(Refusal.Reason.TOO_LARGE, 5))
        .isEqualTo(MqttPubAckReasonCode.PAYLOAD_FORMAT_INVALID);
    assertThat(ack(Refusal.Reason.RATE_LIMITED, 5)).isEqualTo(MqttPubAckReasonCode.QUOTA_EXCEEDED);
    assertThat(reply(Refusal.Reason.BUSY, 5).closes()).isTrue();
  }

  @Test
  void mqtt311ClosesRatherThanAcknowledgeWhatItDidNotStoreExceptBadPayloads() {
    assertThat(reply(Refusal.Reason.UNKNOWN_TOPIC, 4).closes()).isTrue();
    assertThat(reply(Refusal.Reason.FORBIDDEN, 4).closes()).isTrue();
    assertThat(reply(Refusal.Reason.RATE_LIMITED, 4).closes()).isTrue();
    assertThat(reply(Refusal.Reason.BUSY, 4).closes()).isTrue();
    assertThat(ack(Refusal.Reason.MALFORMED, 4)).isEqualTo(MqttPubAckReasonCode.SUCCESS);
    assertThat(ack(Refusal.Reason.TOO_LARGE, 4)).isEqualTo(MqttPubAckReasonCode.SUCCESS);
  }

  private static VertxMqttReply reply(Refusal.Reason reason, int version) {
    return VertxMqttReply.to(new Refusal(reason, "X", "", "m"), version);
  }

  private static MqttPubAckReasonCode ack(Refusal.Reason reason, int version) {
    VertxMqttReply reply = reply(reason, version);
    assertThat(reply.closes()).isFalse();
    return reply.ackCode();
  }
}
