package dev.hearth.hub.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.Optional;

/** Writing JSON answers: one content type, no caching of anything personal, no sniffing. */
public final class Json {

  static final String JSON = "application/json; charset=utf-8";
  static final String PROBLEM = "application/problem+json; charset=utf-8";
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private Json() {}

  static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  /** Sends {@code body} with {@code status}. */
  public static void send(RoutingContext ctx, int status, JsonNode body) {
    send(ctx, status, JSON, body);
  }

  static void send(RoutingContext ctx, int status, String contentType, JsonNode body) {
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", contentType)
        // Answers carry owners' data and tokens: no shared or browser cache may keep them.
        .putHeader("Cache-Control", "no-store")
        .putHeader("X-Content-Type-Options", "nosniff")
        .end(Buffer.buffer(write(body)));
  }

  static byte[] write(JsonNode body) {
    try {
      return MAPPER.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }

  /** Parses JSON text the store keeps (written by the hub itself), empty if it is unreadable. */
  static Optional<JsonNode> parseStored(String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(MAPPER.readTree(text));
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  /** An instant as RFC 3339 text, or JSON null. */
  static void putInstant(ObjectNode node, String field, Instant instant) {
    if (instant == null) {
      node.putNull(field);
    } else {
      node.put(field, instant.toString());
    }
  }
}
