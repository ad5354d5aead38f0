package dev.hearth.specs.wire;

import java.util.Objects;

/** One device's topic of one kind, written {@code hearth/v1/{deviceId}/{suffix}}. */
public record Topic(DeviceId device, TopicKind kind) {

  /** Every Hearth topic starts with this; the {@code v1} is the protocol's major version. */
  public static final String PREFIX = "hearth/v1/";

  public Topic {
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(kind, "kind");
  }

  /** The MQTT topic name. */
  public String name() {
    return PREFIX + device.value() + "/" + kind.suffix();
  }

  /**
   * The filter the hub subscribes with to receive {@code kind} from every device, e.g. {@code
   * hearth/v1/+/telemetry}. Devices may never use it (see {@link TopicAcl}).
   */
  public static String allDevicesFilter(TopicKind kind) {
    return PREFIX + "+/" + kind.suffix();
  }

  /**
   * Parses an MQTT topic name. Wildcards are refused: a topic name never contains them, and a
   * filter that does is not any single device's topic.
   */
  public static TopicCheck parse(String topic) {
    Objects.requireNonNull(topic, "topic");
    String quoted = "'" + Check.shorten(topic) + "'";
    if (topic.indexOf('+') >= 0 || topic.indexOf('#') >= 0) {
      return new TopicCheck.Refused(
          TopicProblem.WILDCARD, quoted + " contains an MQTT wildcard ('+' or '#')");
    }
    if (!topic.startsWith(PREFIX)) {
      return new TopicCheck.Refused(
          TopicProblem.WRONG_PREFIX, quoted + " does not start with '" + PREFIX + "'");
    }
    return parseLevels(topic.substring(PREFIX.length()), quoted);
  }

  /** Parses {@code {deviceId}/{suffix}}, the part after the prefix; shared with CoAP paths. */
  static TopicCheck parseLevels(String rest, String quoted) {
    int slash = rest.indexOf('/');
    String id = slash < 0 ? rest : rest.substring(0, slash);
    if (!DeviceId.isValid(id)) {
      return new TopicCheck.Refused(
          TopicProblem.BAD_DEVICE_ID,
          quoted + ": device id must be 3 to 64 lower-case letters, digits or '-'");
    }
    String suffix = slash < 0 ? "" : rest.substring(slash + 1);
    return TopicKind.ofSuffix(suffix)
        .<TopicCheck>map(kind -> new TopicCheck.Accepted(new Topic(new DeviceId(id), kind)))
        .orElseGet(
            () ->
                new TopicCheck.Refused(
                    TopicProblem.UNKNOWN_SUFFIX,
                    quoted + ": '" + Check.shorten(suffix) + "' is not a Hearth topic"));
  }

  @Override
  public String toString() {
    return name();
  }
}
