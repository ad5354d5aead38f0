package dev.hearth.hub.gateway.mqtt;

import dev.hearth.hub.gateway.CommandChannel;
import dev.hearth.hub.gateway.GatewayException;
import dev.hearth.specs.wire.Command;
import dev.hearth.specs.wire.DeviceId;
import dev.hearth.specs.wire.Topic;
import dev.hearth.specs.wire.TopicKind;
import dev.hearth.specs.wire.UpdateOffer;
import dev.hearth.specs.wire.WireCodec;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.mqtt.MqttEndpoint;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Publishes commands and update offers to one connected device at QoS 1 and reports each as
 * delivered when the device's PUBACK arrives. The session picks the packet ids itself so that a
 * PUBACK can never arrive before its id is known here.
 */
final class VertxMqttCommandChannel implements CommandChannel {

  private static final WireCodec CODEC = new WireCodec();
  private static final int MAX_PACKET_ID = 65_535;

  private final MqttEndpoint endpoint;
  private final Context context;
  private final String topic;
  private final String updateTopic;
  private final Map<Integer, CompletableFuture<Void>> inFlight = new HashMap<>();
  private int lastPacketId;
  private boolean closed;

  VertxMqttCommandChannel(MqttEndpoint endpoint, Context context, DeviceId device) {
    this.endpoint = endpoint;
    this.context = context;
    this.topic = new Topic(device, TopicKind.COMMANDS).name();
    this.updateTopic = new Topic(device, TopicKind.UPDATE).name();
  }

  @Override
  public CompletionStage<Void> deliver(Command command) {
    return publish(topic, CODEC.encode(command));
  }

  @Override
  public CompletionStage<Void> deliverOffer(UpdateOffer offer) {
    return publish(updateTopic, CODEC.encode(offer));
  }

  private CompletionStage<Void> publish(String topicName, byte[] payload) {
    var delivered = new CompletableFuture<Void>();
    context.runOnContext(
        v -> {
          if (closed || !endpoint.isConnected()) {
            delivered.completeExceptionally(new GatewayException("session ended"));
            return;
          }
          int packetId = nextPacketId();
          inFlight.put(packetId, delivered);
          endpoint
              .publish(
                  topicName, Buffer.buffer(payload), MqttQoS.AT_LEAST_ONCE, false, false, packetId)
              .onFailure(
                  e -> {
                    inFlight.remove(packetId);
                    delivered.completeExceptionally(e);
                  });
        });
    return delivered;
  }

  /** The device acknowledged packet {@code packetId}; on the event loop. */
  void acknowledged(int packetId) {
    CompletableFuture<Void> delivered = inFlight.remove(packetId);
    if (delivered != null) {
      delivered.complete(null);
    }
  }

  /** The session ended; unacknowledged commands stay queued in the store. On the event loop. */
  void close() {
    closed = true;
    var ended = new GatewayException("session ended before the device acknowledged");
    inFlight.values().forEach(f -> f.completeExceptionally(ended));
    inFlight.clear();
  }

  private int nextPacketId() {
    do {
      lastPacketId = lastPacketId % MAX_PACKET_ID + 1;
    } while (inFlight.containsKey(lastPacketId));
    return lastPacketId;
  }
}
