package dev.hearth.hub.api;

import dev.hearth.hub.registry.Sessions;
import dev.hearth.hub.store.Owner;
import io.vertx.core.Handler;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;

/**
 * Authenticates a request by its session: an {@code Authorization: Bearer} token (scripts, the CLI)
 * or the session cookie (the browser, including {@code EventSource}, which cannot set headers).
 * Puts the owner in the routing context for the handlers after it.
 */
final class SessionAuth implements Handler<RoutingContext> {

  private static final String OWNER = "hearth.owner";
  private static final String TOKEN = "hearth.token";

  private final Sessions sessions;
  private final Work work;

  SessionAuth(Sessions sessions, Work work) {
    this.sessions = sessions;
    this.work = work;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String token = token(ctx);
    if (token == null) {
      ctx.fail(ApiException.unauthorized());
      return;
    }
    work.then(
        ctx,
        () -> sessions.authenticate(token),
        (c, owner) -> {
          if (owner.isEmpty()) {
            c.fail(ApiException.unauthorized());
            return;
          }
          c.put(OWNER, owner.get());
          c.put(TOKEN, token);
          c.next();
        });
  }

  /** The session token the request carries, or null. */
  static String token(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    if (header != null) {
      String[] parts = header.strip().split("\\s+", 2);
      if (parts.length == 2 && parts[0].toLowerCase(Locale.ROOT).equals("bearer")) {
        return parts[1];
      }
      return null;
    }
    Cookie cookie = ctx.request().getCookie(ApiConfig.SESSION_COOKIE);
    return cookie == null || cookie.getValue().isEmpty() ? null : cookie.getValue();
  }

  /** The authenticated owner; only on routes behind this handler. */
  static Owner owner(RoutingContext ctx) {
    Owner owner = ctx.get(OWNER);
    if (owner == null) {
      throw new IllegalStateException("route is not behind SessionAuth");
    }
    return owner;
  }

  /** The authenticated request's token. */
  static String sessionToken(RoutingContext ctx) {
    return ctx.get(TOKEN);
  }

  /**
   * A handler, placed after this one, that lets only owners with {@code role} through (403
   * otherwise). For the firmware endpoints that maintainers and admins use.
   */
  static Handler<RoutingContext> requireRole(Owner.Role role) {
    return ctx -> {
      if (owner(ctx).roles().contains(role)) {
        ctx.next();
      } else {
        ctx.fail(
            new ApiException(
                ProblemType.FORBIDDEN, "this needs the " + Views.lower(role) + " role"));
      }
    };
  }
}
