package dev.hearth.hub.live;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import java.util.regex.Pattern;

/**
 * {@link LiveUpdates} on the Vert.x event bus: each update is published (fire and forget, to every
 * subscriber in the cluster) on its device's address as the JSON text {@code {"kind", "deviceId",
 * "data"}}, with the kind also in a header so streams forward it without parsing.
 */
public final class EventBusLiveUpdates implements LiveUpdates {

  /** The kind of the news that an owner has a new device. */
  public static final String DEVICE_KIND = "device";

  private static final Pattern KIND = Pattern.compile("[a-z][a-z-]{0,31}");

  private final EventBus bus;

  public EventBusLiveUpdates(EventBus bus) {
    this.bus = bus;
  }

  @Override
  public void publish(String deviceId, String kind, ObjectNode data) {
    send(LiveAddresses.device(deviceId), deviceId, kind, data);
  }

  /** The kind of rollout progress, for maintainers' and admins' streams. */
  public static final String ROLLOUT_KIND = "rollout";

  @Override
  public void publishRollout(String rolloutId, ObjectNode data) {
    ObjectNode message = JsonNodeFactory.instance.objectNode();
    message.put("kind", ROLLOUT_KIND);
    message.put("rolloutId", rolloutId);
    message.set("data", data);
    bus.publish(
        LiveAddresses.rollouts(),
        message.toString(),
        new DeliveryOptions().addHeader(LiveAddresses.KIND_HEADER, ROLLOUT_KIND));
  }

  /** Tells {@code ownerId}'s open streams to follow {@code deviceId} too (it was just claimed). */
  public void announceDevice(String ownerId, String deviceId) {
    ObjectNode data = JsonNodeFactory.instance.objectNode().put("deviceId", deviceId);
    send(LiveAddresses.owner(ownerId), deviceId, DEVICE_KIND, data);
  }

  private void send(String address, String deviceId, String kind, ObjectNode data) {
    if (!KIND.matcher(kind).matches()) {
      throw new IllegalArgumentException(
          "live update kind '" + kind + "' is not a lower-case word");
    }
    ObjectNode message = JsonNodeFactory.instance.objectNode();
    message.put("kind", kind);
    message.put("deviceId", deviceId);
    message.set("data", data);
    bus.publish(
        address,
        message.toString(),
        new DeliveryOptions().addHeader(LiveAddresses.KIND_HEADER, kind));
  }
}
