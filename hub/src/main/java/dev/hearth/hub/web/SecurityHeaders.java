package dev.hearth.hub.web;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * The headers every dashboard answer carries. The pages load scripts, styles, data and the live
 * stream from the hub only and run no inline script, so the policy can forbid everything else: an
 * injected {@code <script>} or {@code onclick} does not run, no other site may frame the pages
 * (clickjacking a Stop button), and browsers take content types as sent.
 */
final class SecurityHeaders implements Handler<RoutingContext> {

  /** The Content-Security-Policy of the dashboard. */
  static final String POLICY =
      String.join(
          "; ",
          "default-src 'none'",
          "script-src 'self'",
          "style-src 'self'",
          "img-src 'self' data:",
          "font-src 'self'",
          "connect-src 'self'",
          "manifest-src 'self'",
          "base-uri 'none'",
          "form-action 'self'",
          "frame-ancestors 'none'");

  @Override
  public void handle(RoutingContext ctx) {
    ctx.response()
        .putHeader("Content-Security-Policy", POLICY)
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("X-Frame-Options", "DENY")
        .putHeader("Referrer-Policy", "same-origin")
        .putHeader("Cross-Origin-Opener-Policy", "same-origin")
        .putHeader("Cross-Origin-Resource-Policy", "same-origin")
        .putHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
    ctx.next();
  }
}
