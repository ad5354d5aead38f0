package dev.hearth.hub.rollout.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.hub.api.ApiException;
import dev.hearth.hub.api.ProblemType;
import dev.hearth.hub.store.Page;
import dev.hearth.hub.store.PageRequest;
import dev.hearth.specs.canonical.Parsed;
import dev.hearth.specs.canonical.StrictJson;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RequestBody;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Reading requests and writing answers the way the rest of the API does. */
final class HttpIo {

  static final int DEFAULT_PAGE = 50;
  static final int MAX_PAGE = 200;

  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final Pattern CURSOR = Pattern.compile("[A-Za-z0-9_.:=~+/-]{1,512}");

  private HttpIo() {}

  /** The JSON object body; {@code required} false lets an empty body read as {@code {}}. */
  static ObjectNode body(RoutingContext ctx, boolean required) {
    RequestBody body = ctx.body();
    if (body == null || body.isEmpty()) {
      if (required) {
        throw ApiException.badRequest("a JSON object body is required");
      }
      return MAPPER.createObjectNode();
    }
    String type = ctx.request().getHeader("Content-Type");
    String media = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (!media.equals("application/json") && !media.endsWith("+json")) {
      // Only JSON: a cross-site HTML form cannot send it, which backs up the SameSite cookie.
      throw new ApiException(
          ProblemType.UNSUPPORTED_MEDIA_TYPE, "send the body as application/json");
    }
    Parsed<JsonNode> parsed = StrictJson.parse(body.buffer().getBytes());
    if (parsed instanceof Parsed.Invalid<JsonNode> invalid) {
      throw ApiException.invalidField(invalid.field(), invalid.problem());
    }
    JsonNode json = parsed.orElseThrow();
    if (!json.isObject()) {
      throw ApiException.invalidField("", "the body must be a JSON object");
    }
    return (ObjectNode) json;
  }

  /** A query parameter given at most once. */
  static Optional<String> query(RoutingContext ctx, String name) {
    List<String> values = ctx.queryParam(name);
    if (values.size() > 1) {
      throw ApiException.invalidField("?" + name, "give it once");
    }
    return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** {@code ?limit=&cursor=}. */
  static PageRequest page(RoutingContext ctx) {
    int limit =
        query(ctx, "limit")
            .map(
                text -> {
                  try {
                    int n = Integer.parseInt(text);
                    if (n >= 1 && n <= MAX_PAGE) {
                      return n;
                    }
                  } catch (NumberFormatException e) {
                    // answered below
                  }
                  throw ApiException.invalidField(
                      "?limit", "must be a whole number from 1 to " + MAX_PAGE);
                })
            .orElse(DEFAULT_PAGE);
    String cursor =
        query(ctx, "cursor")
            .map(
                text -> {
                  if (!CURSOR.matcher(text).matches()) {
                    throw ApiException.invalidField(
                        "?cursor", "is not a cursor; pass the 'next' of the previous page");
                  }
                  return text;
                })
            .orElse(null);
    return new PageRequest(cursor, limit);
  }

  static void send(RoutingContext ctx, int status, JsonNode body) {
    byte[] bytes;
    try {
      bytes = MAPPER.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .putHeader("X-Content-Type-Options", "nosniff")
        .end(Buffer.buffer(bytes));
  }

  /** {@code {"items": [...], "next": cursor|null}}. */
  static <T> void sendPage(RoutingContext ctx, Page<T> page, Function<T, JsonNode> view) {
    ObjectNode body = MAPPER.createObjectNode();
    var items = body.putArray("items");
    page.items().forEach(item -> items.add(view.apply(item)));
    if (page.next() == null) {
      body.putNull("next");
    } else {
      body.put("next", page.next());
      ctx.response().putHeader("Link", "<" + nextUri(ctx, page.next()) + ">; rel=\"next\"");
    }
    send(ctx, 200, body);
  }

  private static String nextUri(RoutingContext ctx, String cursor) {
    StringBuilder query = new StringBuilder();
    ctx.queryParams()
        .forEach(
            (name, value) -> {
              if (!name.equals("cursor")) {
                query.append(query.length() == 0 ? "?" : "&").append(encode(name));
                query.append('=').append(encode(value));
              }
            });
    query.append(query.length() == 0 ? "?" : "&").append("cursor=").append(encode(cursor));
    return ctx.request().path() + query;
  }

  private static String encode(String text) {
    return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
  }

  /** Bounded, printable echoes of client input in problem details. */
  static String shorten(String text) {
    String printable = text.replaceAll("\\p{Cntrl}", "?");
    return printable.length() <= 40 ? printable : printable.substring(0, 37) + "...";
  }
}
