package dev.hearth.agent.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.hardware.source.Problems;
import java.time.Duration;
import java.util.function.Function;

/**
 * Reads the scalar values of {@code agent.yaml}. A value of the wrong shape is recorded as a
 * problem at its key and read as absent, so the loader goes on and reports every problem at once.
 */
final class Leaves {

  private final Problems problems;

  Leaves(Problems problems) {
    this.problems = problems;
  }

  /**
   * Whether {@code node} holds a value. An empty YAML value ({@code key:}, which the YAML reader
   * may report as null or as an empty string) counts as absent, so the default applies.
   */
  static boolean given(JsonNode node) {
    return node != null
        && !node.isNull()
        && !node.isMissingNode()
        && !(node.isTextual() && node.textValue().isEmpty());
  }

  String text(JsonNode node, String key, String example) {
    if (!given(node)) {
      return null;
    }
    if (!node.isTextual() && !node.isNumber() && !node.isBoolean()) {
      return bad(key, shown(node) + " — must be text, e.g. " + example);
    }
    return node.asText();
  }

  Long integer(JsonNode node, String key, String what) {
    if (!given(node)) {
      return null;
    }
    if (!node.isIntegralNumber() || !node.canConvertToLong()) {
      return bad(key, shown(node) + " — must be " + what);
    }
    return node.longValue();
  }

  Duration seconds(JsonNode node, String key, long example) {
    Long n = integer(node, key, "a whole number of seconds, e.g. " + example);
    return n == null ? null : Duration.ofSeconds(n);
  }

  Boolean bool(JsonNode node, String key) {
    if (!given(node)) {
      return null;
    }
    if (!node.isBoolean()) {
      return bad(key, shown(node) + " — must be true or false");
    }
    return node.booleanValue();
  }

  Long bytes(JsonNode node, String key) {
    if (!given(node)) {
      return null;
    }
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      return node.longValue();
    }
    if (node.isTextual()) {
      var parsed = ByteSizes.parse(node.textValue());
      if (parsed.isPresent()) {
        return parsed.getAsLong();
      }
    }
    return bad(key, shown(node) + " — must be a size in bytes, e.g. 8388608, 512 KiB or 8 MiB");
  }

  /** A text value that must be one of a closed set, looked up by {@code lookup}. */
  <T> T choice(
      JsonNode node, String key, Function<String, java.util.Optional<T>> lookup, String choices) {
    String text = text(node, key, choices);
    if (text == null) {
      return null;
    }
    return lookup
        .apply(text)
        .orElseGet(() -> bad(key, shown(node) + " — must be one of " + choices));
  }

  <T> T bad(String key, String message) {
    problems.add(AgentConfigLoader.pointer(key), message);
    return null;
  }

  private static String shown(JsonNode node) {
    String text = node.isTextual() ? "'" + node.textValue() + "'" : node.toString();
    return text.length() > 60 ? text.substring(0, 57) + "..." : text;
  }
}
