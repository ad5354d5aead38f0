package dev.hearth.specs.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.specs.wire.WireError.Code;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Typed, tolerant access to one JSON object of a payload: reads the fields a record needs, ignores
 * the rest, and reports a missing or mistyped field by its JSON pointer.
 */
final class Fields {

  private final ObjectNode object;
  private final String at;

  private Fields(ObjectNode object, String at) {
    this.object = object;
    this.at = at;
  }

  /** The object at {@code at}; {@code what} names it in the message when it is not an object. */
  static Fields of(JsonNode node, String at, String what) {
    if (!node.isObject()) {
      throw wrongType(at, what + " must be a JSON object, got " + describe(node));
    }
    return new Fields((ObjectNode) node, at);
  }

  String pointer(String name) {
    return at + Pointer.field(name);
  }

  /**
   * Builds a record from the values read, re-rooting any validation error the record raises (whose
   * field is relative to the record) under this object's pointer.
   */
  <T> T build(Supplier<T> constructor) {
    try {
      return constructor.get();
    } catch (WireException e) {
      throw new WireException(e.error().under(at));
    }
  }

  String text(String name) {
    return textValue(required(name), name);
  }

  /** The string, or {@code null} when absent or {@code null}. */
  String optionalText(String name) {
    JsonNode n = optional(name);
    return n == null ? null : textValue(n, name);
  }

  long integer(String name) {
    return integerValue(required(name), pointer(name), name);
  }

  /** The integer, or {@code null} when absent or {@code null}. */
  Long optionalInteger(String name) {
    JsonNode n = optional(name);
    return n == null ? null : integerValue(n, pointer(name), name);
  }

  long integer(String name, long fallback) {
    Long v = optionalInteger(name);
    return v == null ? fallback : v;
  }

  <E extends Enum<E> & WireEnum> E enumValue(String name, Class<E> type) {
    String text = text(name);
    E[] constants = type.getEnumConstants();
    for (E e : constants) {
      if (e.wireName().equals(text)) {
        return e;
      }
    }
    throw new WireException(
        new WireError(
            Code.INVALID_VALUE,
            pointer(name),
            name
                + " '"
                + Check.shorten(text)
                + "' is not one of "
                + Arrays.stream(constants)
                    .map(WireEnum::wireName)
                    .collect(Collectors.joining(", "))));
  }

  Fields object(String name) {
    return of(required(name), pointer(name), name);
  }

  /** The nested object, or {@code null} when absent or {@code null}. */
  Fields optionalObject(String name) {
    JsonNode n = optional(name);
    return n == null ? null : of(n, pointer(name), name);
  }

  /** A free-form object, {@code {}} when absent (or {@code null}). */
  ObjectNode rawObject(String name, boolean required) {
    JsonNode n = required ? required(name) : optional(name);
    if (n == null) {
      return JsonObjects.empty();
    }
    if (!n.isObject()) {
      throw wrongType(pointer(name), name + " must be a JSON object, got " + describe(n));
    }
    return (ObjectNode) n;
  }

  /** Every element of an array, read by {@code element} with its own pointer. */
  <T> List<T> array(String name, ElementReader<T> element) {
    JsonNode n = required(name);
    if (!n.isArray()) {
      throw wrongType(pointer(name), name + " must be a JSON array, got " + describe(n));
    }
    var out = new ArrayList<T>(n.size());
    for (int i = 0; i < n.size(); i++) {
      out.add(element.read(n.get(i), pointer(name) + Pointer.index(i), name + "[" + i + "]"));
    }
    return out;
  }

  List<String> texts(String name) {
    return array(name, (n, p, what) -> textAt(n, p, what));
  }

  /** A name-to-number object; names and ranges are left to the record. */
  Map<String, Double> numbers(String name) {
    Fields map = object(name);
    var out = new LinkedHashMap<String, Double>();
    for (var e : map.object.properties()) {
      JsonNode v = e.getValue();
      String p = map.pointer(e.getKey());
      if (v.isNull()) {
        throw new WireException(
            new WireError(Code.MISSING_FIELD, p, name + "." + e.getKey() + " is null"));
      }
      if (!v.isNumber()) {
        throw wrongType(p, name + " values must be numbers, got " + describe(v));
      }
      out.put(e.getKey(), v.doubleValue());
    }
    return out;
  }

  /** Reads one array element. */
  interface ElementReader<T> {
    T read(JsonNode node, String pointer, String what);
  }

  static String textAt(JsonNode n, String pointer, String what) {
    if (n.isNull()) {
      throw new WireException(new WireError(Code.MISSING_FIELD, pointer, what + " is null"));
    }
    if (!n.isTextual()) {
      throw wrongType(pointer, what + " must be a string, got " + describe(n));
    }
    return n.textValue();
  }

  static <T> T objectAt(JsonNode n, String pointer, String what, Function<Fields, T> reader) {
    return reader.apply(of(n, pointer, what));
  }

  private String textValue(JsonNode n, String name) {
    return textAt(n, pointer(name), name);
  }

  private static long integerValue(JsonNode n, String pointer, String name) {
    if (!n.isIntegralNumber()) {
      throw wrongType(pointer, name + " must be an integer, got " + describe(n));
    }
    if (!n.canConvertToLong()) {
      throw new WireException(
          new WireError(Code.INVALID_VALUE, pointer, name + " does not fit in 64 bits"));
    }
    return n.longValue();
  }

  private JsonNode required(String name) {
    JsonNode n = object.get(name);
    if (n == null || n.isNull()) {
      throw new WireException(
          new WireError(
              Code.MISSING_FIELD,
              pointer(name),
              name + " is required" + (n == null ? "" : " and must not be null")));
    }
    return n;
  }

  private JsonNode optional(String name) {
    JsonNode n = object.get(name);
    return n == null || n.isNull() ? null : n;
  }

  private static WireException wrongType(String pointer, String message) {
    return new WireException(new WireError(Code.WRONG_TYPE, pointer, message));
  }

  private static String describe(JsonNode n) {
    return switch (n.getNodeType()) {
      case OBJECT -> "an object";
      case ARRAY -> "an array";
      case STRING -> "a string";
      case NUMBER -> n.isIntegralNumber() ? "an integer" : "a fraction";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      default -> n.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
