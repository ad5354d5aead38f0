package dev.hearth.hub.catalog.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.hub.api.ApiException;
import dev.hearth.hub.api.ProblemType;
import dev.hearth.specs.canonical.Parsed;
import dev.hearth.specs.canonical.StrictJson;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RequestBody;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.Optional;

/** Reading JSON bodies and writing JSON answers, the way the rest of the API does. */
final class JsonIo {

  static final String JSON = "application/json; charset=utf-8";
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private JsonIo() {}

  /**
   * The body as a JSON object, read strictly (no duplicate names, at most 1 MiB). Only JSON media
   * types: a cross-site form cannot send them.
   */
  static ObjectNode body(RoutingContext ctx) {
    return (ObjectNode) document(ctx, true);
  }

  /** The body as a JSON document (a trust document), read strictly. */
  static JsonNode document(RoutingContext ctx, boolean object) {
    String type = ctx.request().getHeader("Content-Type");
    String media = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (!media.equals("application/json") && !media.endsWith("+json")) {
      throw new ApiException(
          ProblemType.UNSUPPORTED_MEDIA_TYPE, "send the body as application/json");
    }
    RequestBody body = ctx.body();
    if (body == null || body.isEmpty()) {
      throw ApiException.badRequest("a JSON body is required");
    }
    Parsed<JsonNode> parsed = StrictJson.parse(body.buffer().getBytes());
    if (parsed instanceof Parsed.Invalid<JsonNode> invalid) {
      throw ApiException.invalidField(invalid.field(), invalid.problem());
    }
    JsonNode json = parsed.orElseThrow();
    if (object && !json.isObject()) {
      throw ApiException.invalidField("", "the body must be a JSON object");
    }
    return json;
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
    try {
      ctx.response()
          .setStatusCode(status)
          .putHeader("Content-Type", JSON)
          .putHeader("Cache-Control", "no-store")
          .putHeader("X-Content-Type-Options", "nosniff")
          .end(Buffer.buffer(MAPPER.writeValueAsBytes(body)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
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
