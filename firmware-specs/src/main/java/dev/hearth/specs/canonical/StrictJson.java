package dev.hearth.specs.canonical;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads and writes the JSON documents of the trust layer (manifests, root metadata, key files).
 *
 * <p>Reading is strict about syntax: one UTF-8 JSON value, no duplicate member names (two readers
 * must never disagree about which {@code "version"} counts), no trailing content, at most {@link
 * #MAX_DOCUMENT_BYTES}. Writing is pretty-printed for people; signatures never depend on layout
 * because they cover the canonical form ({@link CanonicalJson}).
 */
public final class StrictJson {

  /** The largest trust document a reader accepts, checked before parsing. */
  public static final int MAX_DOCUMENT_BYTES = 1 << 20;

  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .build();

  private StrictJson() {}

  /** Parses one JSON document; syntax errors are a value naming line and column. */
  public static Parsed<JsonNode> parse(byte[] document) {
    if (document.length > MAX_DOCUMENT_BYTES) {
      return Parsed.invalid(
          "",
          "document is "
              + document.length
              + " bytes; trust documents are limited to "
              + MAX_DOCUMENT_BYTES
              + " bytes");
    }
    try {
      JsonNode node = MAPPER.readTree(document);
      if (node == null || node.isMissingNode()) {
        return Parsed.invalid("", "document is empty; expected a JSON object");
      }
      return Parsed.ok(node);
    } catch (JsonParseException e) {
      var at = e.getLocation();
      return Parsed.invalid(
          "",
          "not valid JSON at line "
              + at.getLineNr()
              + ", column "
              + at.getColumnNr()
              + ": "
              + e.getOriginalMessage());
    } catch (IOException e) {
      // Bad UTF-8 and trailing tokens surface as other Jackson exceptions.
      return Parsed.invalid("", "not valid UTF-8 JSON: " + firstLine(e.getMessage()));
    }
  }

  /** Pretty-printed UTF-8 JSON with a final newline. */
  public static byte[] write(JsonNode node) {
    try {
      return (MAPPER.writeValueAsString(node) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("a JSON tree always serializes", e);
    }
  }

  /** Compact JSON text, as input for the canonicalizer. */
  static String compact(JsonNode node) {
    try {
      return MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("a JSON tree always serializes", e);
    }
  }

  /** A new, empty object to build a document in. */
  public static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable input";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
