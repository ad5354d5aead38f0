package dev.hearth.hub.api;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;

/**
 * The browser's session cookie: HttpOnly (scripts cannot read the token), SameSite=Strict (no other
 * site can make the browser send it), Secure on HTTPS or when configured.
 */
final class SessionCookie {

  private SessionCookie() {}

  static void set(RoutingContext ctx, String token, Duration maxAge, boolean forceSecure) {
    ctx.response().addCookie(cookie(ctx, token, Math.max(0, maxAge.toSeconds()), forceSecure));
  }

  static void clear(RoutingContext ctx, boolean forceSecure) {
    ctx.response().addCookie(cookie(ctx, "", 0, forceSecure));
  }

  private static Cookie cookie(
      RoutingContext ctx, String value, long maxAgeSeconds, boolean forceSecure) {
    return Cookie.cookie(ApiConfig.SESSION_COOKIE, value)
        .setPath("/")
        .setHttpOnly(true)
        .setSameSite(CookieSameSite.STRICT)
        .setSecure(forceSecure || ctx.request().isSSL())
        .setMaxAge(maxAgeSeconds);
  }
}
