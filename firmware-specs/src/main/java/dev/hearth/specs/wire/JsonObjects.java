package dev.hearth.specs.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Checks free-form JSON objects ({@code data}, {@code args}, {@code manifest}) against {@link
 * WireLimits} and copies them, so a record never shares a mutable tree with its caller.
 */
final class JsonObjects {

  private JsonObjects() {}

  static ObjectNode empty() {
    return JsonNodeFactory.instance.objectNode();
  }

  /** A deep copy of {@code node}, which sits one level below the payload's own object. */
  static ObjectNode copy(ObjectNode node, String name) {
    Check.present(node, name);
    check(node, Pointer.field(name), 2);
    return node.deepCopy();
  }

  private static void check(JsonNode node, String at, int depth) {
    switch (node.getNodeType()) {
      case OBJECT -> {
        depth(at, depth);
        for (Map.Entry<String, JsonNode> e : node.properties()) {
          String key = e.getKey();
          String child = at + Pointer.field(key);
          if (key.length() > WireLimits.MAX_NAME_LENGTH) {
            throw Check.invalid(
                child, "field names are limited to " + WireLimits.MAX_NAME_LENGTH + " characters");
          }
          if (!Check.isWellFormed(key)) {
            throw Check.invalid(child, "field name contains an unpaired UTF-16 surrogate");
          }
          check(e.getValue(), child, depth + 1);
        }
      }
      case ARRAY -> {
        depth(at, depth);
        for (int i = 0; i < node.size(); i++) {
          check(node.get(i), at + Pointer.index(i), depth + 1);
        }
      }
      case STRING -> {
        String s = node.textValue();
        if (s.length() > WireLimits.MAX_STRING_LENGTH) {
          throw Check.invalid(
              at, "strings are limited to " + WireLimits.MAX_STRING_LENGTH + " characters");
        }
        if (!Check.isWellFormed(s)) {
          throw Check.invalid(at, "string contains an unpaired UTF-16 surrogate");
        }
      }
      case NUMBER -> {
        if (!Double.isFinite(node.doubleValue())
            || node.asText().length() > WireLimits.MAX_NUMBER_LENGTH) {
          throw Check.invalid(
              at,
              "numbers must be finite and at most "
                  + WireLimits.MAX_NUMBER_LENGTH
                  + " characters long");
        }
      }
      case BOOLEAN, NULL -> {}
      default -> throw Check.invalid(at, "only JSON values are allowed, got " + node.getNodeType());
    }
  }

  private static void depth(String at, int depth) {
    if (depth > WireLimits.MAX_NESTING_DEPTH) {
      throw Check.invalid(
          at, "nesting deeper than " + WireLimits.MAX_NESTING_DEPTH + " levels is not allowed");
    }
  }
}
