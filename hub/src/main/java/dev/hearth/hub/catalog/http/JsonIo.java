package dev.hearth.hub.catalog.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.hub.api.ApiException;
import dev.hearth.hub.api.Json;
import dev.hearth.hub.api.Requests;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/** Reading JSON bodies and writing JSON answers, the way the rest of the API does. */
final class JsonIo {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private JsonIo() {}

  /** The body as a JSON object, read strictly; JSON media types only (as the whole API). */
  static ObjectNode body(RoutingContext ctx) {
    return Requests.jsonObject(ctx);
  }

  /** The body as a JSON document (a trust document), read strictly. */
  static JsonNode document(RoutingContext ctx, boolean object) {
    return object ? Requests.jsonObject(ctx) : Requests.json(ctx);
  }

  /** A required string member. */
  static String text(ObjectNode body, String field) {
    return optionalText(body, field)
        .orElseThrow(() -> ApiException.invalidField("/" + field, "is required"));
  }

  /** An optional string member; present but not a string is an error. */
  static Optional<String> optionalText(ObjectNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      throw ApiException.invalidField("/" + field, "must be a string");
    }
    return Optional.of(value.asText());
  }

  static void send(RoutingContext ctx, int status, JsonNode body) {
    Json.send(ctx, status, body);
  }

  /** Parses JSON the hub wrote itself (stored reports). */
  static JsonNode stored(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored JSON does not parse", e);
    }
  }
}
