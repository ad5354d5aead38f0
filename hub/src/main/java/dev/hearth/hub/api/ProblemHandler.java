package dev.hearth.hub.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The edge where every failure becomes an RFC 9457 problem document ({@code
 * application/problem+json} with type, title, status, detail, instance). An {@link ApiException}
 * says everything itself; a status the router raised (no route, wrong method, body too large) gets
 * its standard problem; anything else is a fault: logged with its stack trace under a reference the
 * client sees, and answered 500 without internals. Other areas' refusals (the catalog's) are turned
 * into {@link ApiException}s here, once, by the translation the router was built with.
 */
final class ProblemHandler implements Handler<RoutingContext> {

  private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);

  private static final Map<Integer, ProblemType> BY_STATUS =
      Map.of(
          400, ProblemType.BAD_REQUEST,
          401, ProblemType.UNAUTHORIZED,
          403, ProblemType.FORBIDDEN,
          404, ProblemType.NOT_FOUND,
          405, ProblemType.METHOD_NOT_ALLOWED,
          413, ProblemType.PAYLOAD_TOO_LARGE,
          415, ProblemType.UNSUPPORTED_MEDIA_TYPE,
          503, ProblemType.UNAVAILABLE);

  /** The statuses the router may raise by itself; each needs this handler registered. */
  static final int[] STATUSES = {400, 401, 403, 404, 405, 413, 415, 500, 503};

  private final UnaryOperator<Throwable> translate;

  /**
   * @param translate turns an area's own refusal into an {@link ApiException}; anything else it
   *     returns unchanged
   */
  ProblemHandler(UnaryOperator<Throwable> translate) {
    this.translate = translate;
  }

  /** For {@link ApiException}s and the router's own statuses only. */
  ProblemHandler() {
    this(UnaryOperator.identity());
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (ctx.response().headWritten()) {
      // A stream already under way cannot turn into a problem document; cut it off.
      ctx.response().reset();
      return;
    }
    Throwable failure = ctx.failure() == null ? null : translate.apply(ctx.failure());
    if (failure instanceof ApiException problem) {
      problem.headers().forEach((name, value) -> ctx.response().putHeader(name, value));
      send(ctx, problem.type(), problem.detail(), problem);
      return;
    }
    int status = ctx.statusCode();
    if (failure instanceof HttpException http) {
      status = http.getStatusCode();
    }
    ProblemType type = BY_STATUS.get(status);
    if (type != null && (failure == null || failure instanceof HttpException)) {
      send(ctx, type, standardDetail(ctx, type), null);
      return;
    }
    String reference = UUID.randomUUID().toString();
    LOG.error(
        "{} {} failed (reference {})",
        ctx.request().method(),
        ctx.request().path(),
        reference,
        failure);
    send(
        ctx,
        ProblemType.INTERNAL,
        "the hub could not complete this request; the hub's log has the details under reference "
            + reference,
        null);
  }

  private static String standardDetail(RoutingContext ctx, ProblemType type) {
    switch (type) {
      case NOT_FOUND:
        return "nothing here; the API is described at /api/v1/openapi.yaml";
      case METHOD_NOT_ALLOWED:
        return ctx.request().method() + " is not supported here";
      case PAYLOAD_TOO_LARGE:
        return "the request body is larger than this endpoint accepts";
      default:
        return type.title();
    }
  }

  private static void send(
      RoutingContext ctx, ProblemType type, String detail, ApiException problem) {
    ObjectNode json = Json.object();
    json.put("type", type.uri());
    json.put("title", type.title());
    json.put("status", type.status());
    json.put("detail", detail);
    json.put("instance", ctx.request().path());
    if (problem != null && !problem.errors().isEmpty()) {
      var errors = json.putArray("errors");
      problem
          .errors()
          .forEach(e -> errors.addObject().put("pointer", e.pointer()).put("detail", e.detail()));
    }
    Json.send(ctx, type.status(), Json.PROBLEM, json);
  }
}
