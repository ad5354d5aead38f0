package dev.hearth.specs.canonical;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads typed fields of one JSON object and reports the first wrong one by its JSON pointer.
 * Unknown fields are ignored (documents may grow); known fields are strictly typed: {@code "1"} is
 * not an integer and {@code null} is not a string.
 *
 * <p>Every getter throws {@link InvalidFieldException}; wrap the whole reading in {@link
 * Parsed#reading} to get a value.
 */
public final class FieldReader {

  /** RFC 3339 date-time in UTC with a {@code Z} suffix and optional fraction of a second. */
  private static final Pattern UTC_INSTANT =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z");

  private final ObjectNode object;
  private final String pointer;

  private FieldReader(ObjectNode object, String pointer) {
    this.object = object;
    this.pointer = pointer;
  }

  /**
   * A reader of {@code node}, which must be an object.
   *
   * @param pointer JSON pointer of {@code node}, {@code ""} for the document root
   */
  public static FieldReader of(JsonNode node, String pointer) {
    if (node == null || !node.isObject()) {
      throw new InvalidFieldException(pointer, "must be a JSON object, got " + typeOf(node));
    }
    return new FieldReader((ObjectNode) node, pointer);
  }

  /** JSON pointer of a member of this object. */
  public String pointer(String field) {
    return pointer + "/" + CanonicalJson.escapePointer(field);
  }

  public String pointer() {
    return pointer;
  }

  /** The object being read, not a copy. */
  public ObjectNode node() {
    return object;
  }

  public Set<String> fieldNames() {
    var names = new LinkedHashSet<String>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  public boolean has(String field) {
    return object.has(field);
  }

  /** A required member of any type except {@code null}. */
  public JsonNode required(String field) {
    JsonNode value = object.get(field);
    if (value == null || value.isNull()) {
      throw new InvalidFieldException(pointer(field), "is required");
    }
    return value;
  }

  public String text(String field) {
    JsonNode value = required(field);
    if (!value.isTextual()) {
      throw wrongType(field, "a string", value);
    }
    return value.textValue();
  }

  /** A string that must match {@code pattern}; {@code expected} tells the reader what to write. */
  public String text(String field, Pattern pattern, String expected) {
    String value = text(field);
    if (!pattern.matcher(value).matches()) {
      throw new InvalidFieldException(
          pointer(field), "'" + shorten(value) + "' is not " + expected);
    }
    return value;
  }

  /** An integer member (no fraction, no exponent) within the range of {@code long}. */
  public long integer(String field) {
    JsonNode value = required(field);
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw wrongType(field, "an integer", value);
    }
    return value.longValue();
  }

  /** An integer member within the range of {@code int}; the value's own rules check the rest. */
  public int intValue(String field) {
    return integer(field, Integer.MIN_VALUE, Integer.MAX_VALUE);
  }

  /** An integer member within {@code [min, max]}. */
  public int integer(String field, int min, int max) {
    long value = integer(field);
    if (value < min || value > max) {
      throw new InvalidFieldException(
          pointer(field), value + " is out of range; expected " + min + " to " + max);
    }
    return (int) value;
  }

  public boolean bool(String field) {
    JsonNode value = required(field);
    if (!value.isBoolean()) {
      throw wrongType(field, "true or false", value);
    }
    return value.booleanValue();
  }

  /** An optional boolean; absent means {@code absent}, {@code null} is still refused. */
  public boolean bool(String field, boolean absent) {
    return object.has(field) ? bool(field) : absent;
  }

  /** An RFC 3339 UTC instant such as {@code 2026-05-01T00:00:00Z}. */
  public Instant instant(String field) {
    String value = text(field);
    if (UTC_INSTANT.matcher(value).matches()) {
      try {
        return Instant.parse(value);
      } catch (DateTimeParseException e) {
        // falls through: the shape was right but the date does not exist, e.g. February 30
      }
    }
    throw new InvalidFieldException(
        pointer(field),
        "'" + shorten(value) + "' is not an RFC 3339 UTC instant; write e.g. 2026-05-01T12:00:00Z");
  }

  public FieldReader object(String field) {
    JsonNode value = required(field);
    if (!value.isObject()) {
      throw wrongType(field, "a JSON object", value);
    }
    return new FieldReader((ObjectNode) value, pointer(field));
  }

  /** An array of strings; may be empty. */
  public List<String> texts(String field) {
    JsonNode value = required(field);
    if (!value.isArray()) {
      throw wrongType(field, "an array of strings", value);
    }
    var texts = new ArrayList<String>(value.size());
    for (int i = 0; i < value.size(); i++) {
      JsonNode element = value.get(i);
      if (!element.isTextual()) {
        throw new InvalidFieldException(
            pointer(field) + "/" + i, "must be a string, got " + typeOf(element));
      }
      texts.add(element.textValue());
    }
    return texts;
  }

  /** An array of objects; may be empty. */
  public List<FieldReader> objects(String field) {
    JsonNode value = required(field);
    if (!value.isArray()) {
      throw wrongType(field, "an array of objects", value);
    }
    var readers = new ArrayList<FieldReader>(value.size());
    for (int i = 0; i < value.size(); i++) {
      readers.add(of(value.get(i), pointer(field) + "/" + i));
    }
    return readers;
  }

  private InvalidFieldException wrongType(String field, String expected, JsonNode actual) {
    return new InvalidFieldException(
        pointer(field), "must be " + expected + ", got " + typeOf(actual));
  }

  private static String typeOf(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    return switch (node.getNodeType()) {
      case STRING -> "the string '" + shorten(node.textValue()) + "'";
      case NUMBER -> "the number " + node.asText();
      case BOOLEAN -> node.asText();
      case NULL -> "null";
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      default -> node.getNodeType().toString();
    };
  }

  /** Keeps quoted input short in messages; a 1 MiB string does not belong in a log line. */
  public static String shorten(String text) {
    return text.length() <= 80 ? text : text.substring(0, 77) + "...";
  }
}
