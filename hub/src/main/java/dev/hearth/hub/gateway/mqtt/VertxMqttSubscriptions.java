package dev.hearth.hub.gateway.mqtt;

import dev.hearth.hub.gateway.DeviceCommands;
import dev.hearth.hub.gateway.RefusalLog;
import dev.hearth.hub.gateway.Transport;
import dev.hearth.specs.wire.DeviceId;
import dev.hearth.specs.wire.TopicAcl;
import dev.hearth.specs.wire.TopicCheck;
import dev.hearth.specs.wire.TopicKind;
import dev.hearth.specs.wire.TopicProblem;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.mqtt.MqttEndpoint;
import io.vertx.mqtt.MqttTopicSubscription;
import io.vertx.mqtt.messages.MqttSubscribeMessage;
import io.vertx.mqtt.messages.MqttUnsubscribeMessage;
import io.vertx.mqtt.messages.codes.MqttSubAckReasonCode;
import io.vertx.mqtt.messages.codes.MqttUnsubAckReasonCode;
import java.util.ArrayList;
import java.util.List;

/**
 * A session's SUBSCRIBE and UNSUBSCRIBE handling: each filter is checked against the access rule
 * and refused individually in the SUBACK (0x80 on 3.1.1, a specific reason code on 5), so a refused
 * filter never ends the session. Once the device listens on its own {@code commands} topic, its
 * pending commands are delivered.
 */
final class VertxMqttSubscriptions {

  private static final String TRANSPORT = Transport.MQTT.label();

  private final MqttEndpoint endpoint;
  private final DeviceId device;
  private final VertxMqttCommandChannel channel;
  private final DeviceCommands commands;
  private final RefusalLog log;
  private final boolean v5;
  private boolean listening;

  VertxMqttSubscriptions(
      MqttEndpoint endpoint,
      DeviceId device,
      VertxMqttCommandChannel channel,
      DeviceCommands commands,
      RefusalLog log,
      boolean v5) {
    this.endpoint = endpoint;
    this.device = device;
    this.channel = channel;
    this.commands = commands;
    this.log = log;
    this.v5 = v5;
  }

  void subscribe(MqttSubscribeMessage message) {
    List<MqttSubAckReasonCode> codes = new ArrayList<>();
    List<MqttQoS> granted = new ArrayList<>();
    boolean commandsNow = false;
    for (MqttTopicSubscription subscription : message.topicSubscriptions()) {
      String filter = subscription.topicName();
      TopicCheck check = TopicAcl.maySubscribe(device, filter);
      if (check instanceof TopicCheck.Refused refused) {
        log.refused(
            TRANSPORT,
            device.value(),
            "subscribe",
            filter,
            refused.problem().name(),
            refused.message());
        codes.add(refusalCode(refused.problem(), filter));
        granted.add(MqttQoS.FAILURE);
        continue;
      }
      MqttQoS qos =
          subscription.qualityOfService().value() >= 1
              ? MqttQoS.AT_LEAST_ONCE
              : MqttQoS.AT_MOST_ONCE;
      codes.add(MqttSubAckReasonCode.qosGranted(qos));
      granted.add(qos);
      commandsNow |= check.accepted().orElseThrow().kind() == TopicKind.COMMANDS;
    }
    if (v5) {
      endpoint.subscribeAcknowledge(message.messageId(), codes, MqttProperties.NO_PROPERTIES);
    } else {
      endpoint.subscribeAcknowledge(message.messageId(), granted);
    }
    if (commandsNow && !listening) {
      // After the SUBACK, so the device is ready for what it is sent.
      listening = true;
      commands.attach(device, channel);
    }
  }

  void unsubscribe(MqttUnsubscribeMessage message) {
    for (String filter : message.topics()) {
      if (TopicAcl.maySubscribe(device, filter)
          .accepted()
          .filter(t -> t.kind() == TopicKind.COMMANDS)
          .isPresent()) {
        close();
      }
    }
    if (v5) {
      endpoint.unsubscribeAcknowledge(
          message.messageId(),
          message.topics().stream().map(t -> MqttUnsubAckReasonCode.SUCCESS).toList(),
          MqttProperties.NO_PROPERTIES);
    } else {
      endpoint.unsubscribeAcknowledge(message.messageId());
    }
  }

  /** The device stopped listening for commands, or the session ended. */
  void close() {
    if (listening) {
      listening = false;
      commands.detach(device, channel);
    }
  }

  private static MqttSubAckReasonCode refusalCode(TopicProblem problem, String filter) {
    switch (problem) {
      case OTHER_DEVICE:
      case WRONG_DIRECTION:
        return MqttSubAckReasonCode.NOT_AUTHORIZED;
      case WILDCARD:
        return MqttSubAckReasonCode.WILDCARD_SUBSCRIPTIONS_NOT_SUPPORTED;
      default:
        return filter.startsWith("$share/")
            ? MqttSubAckReasonCode.SHARED_SUBSCRIPTIONS_NOT_SUPPORTED
            : MqttSubAckReasonCode.TOPIC_FILTER_INVALID;
    }
  }
}
