package dev.hearth.specs.wire;

import java.util.Objects;

/**
 * The broker-side rule for what an authenticated device may do: publish only device→hub kinds and
 * subscribe only to hub→device kinds, always under its own id, and never with a wildcard. The hub's
 * MQTT and CoAP endpoints both ask here, refuse what is refused and log the message.
 */
public final class TopicAcl {

  private TopicAcl() {}

  /** May {@code device} publish on {@code topic}? */
  public static TopicCheck mayPublish(DeviceId device, String topic) {
    return allow(device, Topic.parse(topic), Direction.DEVICE_TO_HUB, "publish on");
  }

  /** May {@code device} publish on {@code topic} (e.g. one parsed from a CoAP path)? */
  public static TopicCheck mayPublish(DeviceId device, Topic topic) {
    return allow(device, new TopicCheck.Accepted(topic), Direction.DEVICE_TO_HUB, "publish on");
  }

  /**
   * May {@code device} subscribe with {@code filter}? Devices subscribe to exact topics; a filter
   * with a wildcard is refused even under the device's own id, so that what a device receives never
   * depends on topics added in later versions.
   */
  public static TopicCheck maySubscribe(DeviceId device, String filter) {
    return allow(device, Topic.parse(filter), Direction.HUB_TO_DEVICE, "subscribe to");
  }

  private static TopicCheck allow(
      DeviceId device, TopicCheck parsed, Direction allowed, String verb) {
    Objects.requireNonNull(device, "device");
    if (!(parsed instanceof TopicCheck.Accepted accepted)) {
      return parsed;
    }
    Topic topic = accepted.topic();
    if (!topic.device().equals(device)) {
      return new TopicCheck.Refused(
          TopicProblem.OTHER_DEVICE,
          "device '" + device + "' may not " + verb + " '" + topic + "' of another device");
    }
    if (topic.kind().direction() != allowed) {
      return new TopicCheck.Refused(
          TopicProblem.WRONG_DIRECTION,
          "device '"
              + device
              + "' may not "
              + verb
              + " '"
              + topic
              + "': "
              + topic.kind().suffix()
              + " flows "
              + (topic.kind().direction() == Direction.DEVICE_TO_HUB
                  ? "from device to hub"
                  : "from hub to device"));
    }
    return accepted;
  }
}
