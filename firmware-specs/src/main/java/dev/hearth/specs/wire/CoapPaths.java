package dev.hearth.specs.wire;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The CoAP resources that mirror the device→hub topics, for devices that cannot keep an MQTT
 * session: a device POSTs the same JSON payload to {@code /hearth/v1/{deviceId}/{suffix}}.
 */
public final class CoapPaths {

  /** CoAP Content-Format for {@code application/json} (RFC 7252, section 12.3). */
  public static final int CONTENT_FORMAT_JSON = 50;

  private static final List<TopicKind> MIRRORED =
      Arrays.stream(TopicKind.values())
          .filter(k -> k.direction() == Direction.DEVICE_TO_HUB)
          .toList();

  private CoapPaths() {}

  /** The kinds with a CoAP mirror: every device→hub kind. */
  public static List<TopicKind> mirroredKinds() {
    return MIRRORED;
  }

  /** The path for {@code topic}, e.g. {@code /hearth/v1/washer-01/telemetry}. */
  public static String path(Topic topic) {
    return "/" + String.join("/", segments(topic));
  }

  /** The URI-Path segments for {@code topic}, as a CoAP stack takes them. */
  public static List<String> segments(Topic topic) {
    Objects.requireNonNull(topic, "topic");
    if (!MIRRORED.contains(topic.kind())) {
      throw new IllegalArgumentException(
          topic.kind().suffix() + " flows from hub to device and has no CoAP mirror");
    }
    return List.of(
        (Topic.PREFIX + topic.device().value() + "/" + topic.kind().suffix()).split("/"));
  }

  /**
   * Parses a request path, with or without its leading '/', into the topic it mirrors. Paths of
   * hub→device kinds are refused as {@link TopicProblem#UNKNOWN_SUFFIX}: they do not exist here.
   */
  public static TopicCheck parse(String path) {
    Objects.requireNonNull(path, "path");
    String quoted = "'" + Check.shorten(path) + "'";
    String relative = path.startsWith("/") ? path.substring(1) : path;
    if (!relative.startsWith(Topic.PREFIX)) {
      return new TopicCheck.Refused(
          TopicProblem.WRONG_PREFIX, quoted + " does not start with '/" + Topic.PREFIX + "'");
    }
    TopicCheck parsed = Topic.parseLevels(relative.substring(Topic.PREFIX.length()), quoted);
    if (parsed instanceof TopicCheck.Accepted a && !MIRRORED.contains(a.topic().kind())) {
      return new TopicCheck.Refused(
          TopicProblem.UNKNOWN_SUFFIX,
          quoted
              + ": "
              + a.topic().kind().suffix()
              + " has no CoAP mirror (it flows hub to device)");
    }
    return parsed;
  }
}
