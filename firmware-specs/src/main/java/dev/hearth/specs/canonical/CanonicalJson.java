package dev.hearth.specs.canonical;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import org.erdtman.jcs.JsonCanonicalizer;

/**
 * The bytes a signature covers: the JSON Canonicalization Scheme of RFC 8785.
 *
 * <p>Signed Hearth documents use a subset of JSON, the <em>signable</em> subset: strings (well-
 * formed UTF-16, no lone surrogates), integers within ±(2<sup>53</sup>−1), booleans, arrays and
 * objects. Floats and {@code null} are refused: floats because two implementations may disagree on
 * their text, {@code null} because "absent" and "null" must not be two ways to say one thing.
 */
public final class CanonicalJson {

  /** The largest integer magnitude a signed document may hold (I-JSON, RFC 7493). */
  public static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

  private CanonicalJson() {}

  /**
   * RFC 8785 bytes of any JSON value; numbers are treated as IEEE 754 doubles, as RFC 8785 says.
   *
   * @throws InvalidFieldException when the value has no canonical form (NaN or infinity)
   */
  public static byte[] encode(JsonNode value) {
    try {
      if (value.isContainerNode()) {
        return new JsonCanonicalizer(StrictJson.compact(value)).getEncodedUTF8();
      }
      // The library takes only objects and arrays at the top; a scalar is canonicalized as the
      // single element of an array, whose brackets are then dropped.
      byte[] inArray =
          new JsonCanonicalizer("[" + StrictJson.compact(value) + "]").getEncodedUTF8();
      return Arrays.copyOfRange(inArray, 1, inArray.length - 1);
    } catch (IOException e) {
      throw new InvalidFieldException("", "value has no RFC 8785 form: " + e.getMessage());
    }
  }

  /**
   * RFC 8785 bytes of a value in the signable subset.
   *
   * @throws InvalidFieldException naming the first field outside the signable subset
   */
  public static byte[] encodeSignable(JsonNode value) {
    requireSignable(value, "");
    return encode(value);
  }

  /**
   * Checks that {@code value} lies in the signable subset.
   *
   * @param at JSON pointer of {@code value}, used in the error
   * @throws InvalidFieldException naming the first offending field and what to write instead
   */
  public static void requireSignable(JsonNode value, String at) {
    switch (value.getNodeType()) {
      case OBJECT -> {
        for (Map.Entry<String, JsonNode> field : value.properties()) {
          String pointer = at + "/" + escapePointer(field.getKey());
          requireWellFormed(field.getKey(), pointer, "member name");
          requireSignable(field.getValue(), pointer);
        }
      }
      case ARRAY -> {
        for (int i = 0; i < value.size(); i++) {
          requireSignable(value.get(i), at + "/" + i);
        }
      }
      case STRING -> requireWellFormed(value.textValue(), at, "string");
      case BOOLEAN -> {}
      case NUMBER -> requireSafeInteger(value, at);
      case NULL ->
          throw new InvalidFieldException(
              at, "null is not allowed in signed documents; leave the field out instead");
      default ->
          throw new InvalidFieldException(
              at, "a " + value.getNodeType() + " value is not allowed in signed documents");
    }
  }

  private static void requireSafeInteger(JsonNode number, String at) {
    if (!number.isIntegralNumber()) {
      throw new InvalidFieldException(
          at,
          number.asText()
              + " is not an integer; signed documents allow only integers (no fraction, no"
              + " exponent), e.g. 1 rather than 1.0");
    }
    if (!number.canConvertToLong() || Math.abs(number.longValue()) > MAX_SAFE_INTEGER) {
      throw new InvalidFieldException(
          at,
          number.asText()
              + " is outside ±"
              + MAX_SAFE_INTEGER
              + ", the integers every JSON implementation reads exactly");
    }
  }

  private static void requireWellFormed(String text, String at, String what) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new InvalidFieldException(
            at,
            what
                + " holds a lone UTF-16 surrogate (\\u"
                + Integer.toHexString(c)
                + " at index "
                + i
                + "); it has no UTF-8 form");
      }
    }
  }

  /** Escapes a member name for use in a JSON pointer (RFC 6901). */
  public static String escapePointer(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }
}
