package dev.hearth.hub.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.specs.canonical.Parsed;
import dev.hearth.specs.canonical.StrictJson;
import io.vertx.ext.web.RequestBody;
import io.vertx.ext.web.RoutingContext;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reading requests: bodies, query parameters, the client's address. Shared by every route of the
 * API, the firmware catalog's and the rollouts' included.
 */
public final class Requests {

  private Requests() {}

  /**
   * The body as a JSON object. Only JSON media types are read: a cross-site HTML form cannot send
   * them, which backs up the SameSite cookie against request forgery.
   */
  public static ObjectNode jsonObject(RoutingContext ctx) {
    JsonNode json = json(ctx);
    if (!json.isObject()) {
      throw ApiException.invalidField("", "the body must be a JSON object");
    }
    return (ObjectNode) json;
  }

  /** The body as any JSON document, read strictly (no duplicate names); JSON media types only. */
  public static JsonNode json(RoutingContext ctx) {
    String type = ctx.request().getHeader("Content-Type");
    String media = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (!media.equals("application/json") && !media.endsWith("+json")) {
      throw new ApiException(
          ProblemType.UNSUPPORTED_MEDIA_TYPE,
          "send the body as application/json"
              + (type == null ? "" : ", not " + FieldText.shorten(type)));
    }
    RequestBody body = ctx.body();
    if (body == null || body.isEmpty()) {
      throw ApiException.badRequest("a JSON object body is required");
    }
    Parsed<JsonNode> parsed = StrictJson.parse(body.buffer().getBytes());
    if (parsed instanceof Parsed.Invalid<JsonNode> invalid) {
      throw ApiException.invalidField(invalid.field(), invalid.problem());
    }
    return parsed.orElseThrow();
  }

  /** The body as a JSON object, or an empty object when there is no body. */
  public static ObjectNode jsonObjectOrEmpty(RoutingContext ctx) {
    RequestBody body = ctx.body();
    return body == null || body.isEmpty() ? Json.object() : jsonObject(ctx);
  }

  /** Bounded, printable echoes of client input in problem details. */
  public static String shorten(String text) {
    return FieldText.shorten(text);
  }

  /** A query parameter given at most once. */
  public static Optional<String> query(RoutingContext ctx, String name) {
    List<String> values = ctx.queryParam(name);
    if (values.size() > 1) {
      throw ApiException.invalidField("?" + name, "give it once");
    }
    return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** A query parameter as an instant: RFC 3339 text or epoch milliseconds. */
  static Optional<Instant> instant(RoutingContext ctx, String name) {
    return query(ctx, name)
        .map(
            text -> {
              try {
                return text.chars().allMatch(Character::isDigit) && !text.isEmpty()
                    ? Instant.ofEpochMilli(Long.parseLong(text))
                    : Instant.parse(text);
              } catch (DateTimeException | NumberFormatException e) {
                throw ApiException.invalidField(
                    "?" + name,
                    "'"
                        + FieldText.shorten(text)
                        + "' is not an instant; use RFC 3339 such as 2026-05-01T12:00:00Z or epoch"
                        + " milliseconds");
              }
            });
  }

  /** A query parameter that is true or false, {@code absent} when not given. */
  static boolean bool(RoutingContext ctx, String name, boolean absent) {
    return query(ctx, name)
        .map(
            text -> {
              if (text.equals("true")) {
                return true;
              }
              if (text.equals("false")) {
                return false;
              }
              throw ApiException.invalidField("?" + name, "must be true or false");
            })
        .orElse(absent);
  }

  /**
   * The client's address, as the rate limits see it. It is the peer's address unless the lead
   * enables {@code Router.allowForward} behind a trusted proxy.
   */
  static String clientAddress(RoutingContext ctx) {
    var address = ctx.request().remoteAddress();
    return address == null || address.hostAddress() == null ? "unknown" : address.hostAddress();
  }

  /** Bounded, printable echoes of client input in problem details. */
  static final class FieldText {
    private FieldText() {}

    static String shorten(String text) {
      String printable = text.replaceAll("\\p{Cntrl}", "?");
      return printable.length() <= 40 ? printable : printable.substring(0, 37) + "...";
    }
  }
}
