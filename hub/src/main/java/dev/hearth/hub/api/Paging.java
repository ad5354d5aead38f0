package dev.hearth.hub.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.hub.store.Page;
import dev.hearth.hub.store.PageRequest;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Cursor pagination: {@code ?limit=&cursor=} in, {@code {"items": [...], "next": cursor|null}} and
 * a {@code Link: <...>; rel="next"} header out. Cursors are the store's, opaque to clients.
 */
public final class Paging {

  private static final Pattern CURSOR = Pattern.compile("[A-Za-z0-9_.:=~+/-]{1,512}");

  private Paging() {}

  /** {@code ?limit=&cursor=}, the limit within the API's page sizes. */
  public static PageRequest request(RoutingContext ctx, ApiConfig config) {
    int limit =
        Requests.query(ctx, "limit")
            .map(text -> parseLimit(text, config.maxPageSize()))
            .orElse(config.defaultPageSize());
    String cursor =
        Requests.query(ctx, "cursor")
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

  private static int parseLimit(String text, int max) {
    try {
      int limit = Integer.parseInt(text);
      if (limit >= 1 && limit <= max) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ApiException.invalidField("?limit", "must be a whole number from 1 to " + max);
  }

  /** Answers 200 with the page's items as {@code view} shows them, and the next link. */
  public static <T> void respond(RoutingContext ctx, Page<T> page, Function<T, JsonNode> view) {
    ObjectNode body = Json.object();
    var items = body.putArray("items");
    page.items().forEach(item -> items.add(view.apply(item)));
    if (page.next() == null) {
      body.putNull("next");
    } else {
      body.put("next", page.next());
      ctx.response().putHeader("Link", "<" + nextUri(ctx, page.next()) + ">; rel=\"next\"");
    }
    Json.send(ctx, 200, body);
  }

  private static String nextUri(RoutingContext ctx, String cursor) {
    var query = new StringBuilder();
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
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
