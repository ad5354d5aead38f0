package dev.hearth.specs.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.specs.wire.WireError.Code;
import java.io.IOException;

/**
 * Parses one JSON document into a tree under {@link WireLimits}, tracking the JSON pointer of every
 * value so that a problem found while parsing (a duplicate field, a non-finite number, an unpaired
 * surrogate) is reported where it is. Builds the tree itself, rather than through databind, because
 * databind silently lets the last duplicate win.
 */
final class JsonTreeReader {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final JsonFactory factory;

  JsonTreeReader(int maxDocumentBytes) {
    this.factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(WireLimits.MAX_NESTING_DEPTH)
                    .maxStringLength(WireLimits.MAX_STRING_LENGTH)
                    .maxNameLength(WireLimits.MAX_NAME_LENGTH)
                    .maxNumberLength(WireLimits.MAX_NUMBER_LENGTH)
                    .maxDocumentLength(maxDocumentBytes)
                    .build())
            .build();
  }

  /** The document's tree; throws {@link WireException} for anything that is not acceptable JSON. */
  JsonNode read(byte[] bytes) {
    if (!startsLikeUtf8(bytes)) {
      throw error(
          Code.NOT_JSON, "", "payload is UTF-16 or UTF-32 encoded; wire payloads are UTF-8 JSON");
    }
    try (JsonParser parser = factory.createParser(bytes)) {
      try {
        JsonToken first = parser.nextToken();
        if (first == null) {
          throw error(Code.NOT_JSON, "", "payload is empty; expected a JSON object");
        }
        JsonNode root = value(parser, first, "");
        if (parser.nextToken() != null) {
          throw error(
              Code.NOT_JSON,
              "",
              "unexpected content after the JSON value at byte "
                  + parser.currentTokenLocation().getByteOffset());
        }
        return root;
      } catch (StreamConstraintsException e) {
        throw error(Code.LIMIT_EXCEEDED, pointer(parser), limitMessage(e));
      } catch (JsonProcessingException e) {
        throw error(
            Code.NOT_JSON,
            pointer(parser),
            "malformed JSON at byte "
                + parser.currentLocation().getByteOffset()
                + ": "
                + Check.shorten(
                    String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse(""), 160));
      }
    } catch (IOException e) {
      // Only malformed input can fail here: the source is an in-memory array.
      throw error(
          Code.NOT_JSON,
          "",
          "unreadable payload: " + Check.shorten(String.valueOf(e.getMessage()), 160));
    }
  }

  private JsonNode value(JsonParser p, JsonToken token, String at) throws IOException {
    switch (token) {
      case START_OBJECT:
        {
          ObjectNode object = NODES.objectNode();
          for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
            String name = p.currentName();
            String child = at + Pointer.field(name);
            if (!Check.isWellFormed(name)) {
              throw error(
                  Code.INVALID_VALUE, child, "field name contains an unpaired UTF-16 surrogate");
            }
            if (object.has(name)) {
              throw error(
                  Code.DUPLICATE_FIELD,
                  child,
                  "field '" + Check.shorten(name) + "' appears more than once");
            }
            object.set(name, value(p, p.nextToken(), child));
          }
          return object;
        }
      case START_ARRAY:
        {
          ArrayNode array = NODES.arrayNode();
          for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            array.add(value(p, t, at + Pointer.index(array.size())));
          }
          return array;
        }
      case VALUE_STRING:
        {
          String text = p.getText();
          if (!Check.isWellFormed(text)) {
            throw error(Code.INVALID_VALUE, at, "string contains an unpaired UTF-16 surrogate");
          }
          return NODES.textNode(text);
        }
      case VALUE_NUMBER_INT:
        return switch (p.getNumberType()) {
          case INT -> NODES.numberNode(p.getIntValue());
          case LONG -> NODES.numberNode(p.getLongValue());
          default -> NODES.numberNode(p.getBigIntegerValue());
        };
      case VALUE_NUMBER_FLOAT:
        {
          double d = p.getDoubleValue();
          if (!Double.isFinite(d)) {
            throw error(Code.INVALID_VALUE, at, "number is too large for a 64-bit float");
          }
          return NODES.numberNode(d);
        }
      case VALUE_TRUE:
        return NODES.booleanNode(true);
      case VALUE_FALSE:
        return NODES.booleanNode(false);
      case VALUE_NULL:
        return NODES.nullNode();
      default:
        // The parser only hands out value tokens here; anything else means a parser bug.
        throw error(Code.NOT_JSON, at, "unexpected token " + token);
    }
  }

  /**
   * Jackson detects UTF-16 and UTF-32 from a byte order mark or from zero bytes at the start, and
   * would accept them; the protocol is UTF-8 only (RFC 8259, section 8.1), so those never reach it.
   */
  private static boolean startsLikeUtf8(byte[] bytes) {
    if (bytes.length > 0 && (bytes[0] & 0xFF) >= 0xFE) {
      return false;
    }
    for (int i = 0; i < Math.min(4, bytes.length); i++) {
      if (bytes[i] == 0) {
        return false;
      }
    }
    return true;
  }

  private static String pointer(JsonParser parser) {
    return parser.getParsingContext().pathAsPointer().toString();
  }

  private static String limitMessage(StreamConstraintsException e) {
    String m = String.valueOf(e.getOriginalMessage());
    if (m.contains("nesting depth")) {
      return "objects and arrays nest deeper than " + WireLimits.MAX_NESTING_DEPTH + " levels";
    }
    if (m.contains("String value length")) {
      return "a string is longer than " + WireLimits.MAX_STRING_LENGTH + " characters";
    }
    if (m.contains("Name length")) {
      return "a field name is longer than " + WireLimits.MAX_NAME_LENGTH + " characters";
    }
    if (m.contains("Number value length")) {
      return "a number is longer than " + WireLimits.MAX_NUMBER_LENGTH + " characters";
    }
    return "payload exceeds a parser limit: " + Check.shorten(m);
  }

  private static WireException error(Code code, String field, String message) {
    return new WireException(new WireError(code, field, message));
  }
}
