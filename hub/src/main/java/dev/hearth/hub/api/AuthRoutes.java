package dev.hearth.hub.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.hub.registry.LoginOutcome;
import dev.hearth.hub.registry.Sessions;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.Arrays;

/** {@code /auth/login}, {@code /auth/logout} and {@code /me}. */
final class AuthRoutes {

  private final Sessions sessions;
  private final Work work;
  private final ApiMetrics metrics;
  private final Duration sessionTtl;
  private final boolean secureCookie;

  AuthRoutes(
      Sessions sessions, Work work, ApiMetrics metrics, Duration sessionTtl, boolean secureCookie) {
    this.sessions = sessions;
    this.work = work;
    this.metrics = metrics;
    this.sessionTtl = sessionTtl;
    this.secureCookie = secureCookie;
  }

  void mount(Endpoints endpoints) {
    endpoints.open(HttpMethod.POST, "/api/v1/auth/login").handler(this::login);
    endpoints.open(HttpMethod.POST, "/api/v1/auth/logout").handler(this::logout);
    endpoints.owner(HttpMethod.GET, "/api/v1/me").handler(this::me);
  }

  private void login(RoutingContext ctx) {
    ObjectNode body = Requests.jsonObject(ctx);
    String email = text(body, "email");
    char[] password = text(body, "password").toCharArray();
    String address = Requests.clientAddress(ctx);
    work.then(
        ctx,
        () -> {
          try {
            return sessions.login(email, password, address);
          } finally {
            Arrays.fill(password, '\0');
          }
        },
        (c, outcome) -> {
          metrics.login(outcome.getClass().getSimpleName());
          if (outcome instanceof LoginOutcome.LoggedIn in) {
            SessionCookie.set(c, in.token(), sessionTtl, secureCookie);
            ObjectNode json = Json.object();
            json.put("token", in.token());
            Json.putInstant(json, "expiresAt", in.expiresAt());
            json.set("owner", Views.owner(in.owner()));
            Json.send(c, 200, json);
          } else if (outcome instanceof LoginOutcome.Throttled throttled) {
            throw ApiException.tooManyRequests(
                throttled.retryAfter(), "too many login attempts; wait and try again");
          } else {
            throw new ApiException(
                ProblemType.INVALID_CREDENTIALS, "the e-mail address or the password is wrong");
          }
        });
  }

  private void logout(RoutingContext ctx) {
    String token = SessionAuth.token(ctx);
    work.then(
        ctx,
        () -> {
          sessions.logout(token);
          return null;
        },
        (c, ignored) -> {
          SessionCookie.clear(c, secureCookie);
          c.response().setStatusCode(204).putHeader("Cache-Control", "no-store").end();
        });
  }

  private void me(RoutingContext ctx) {
    Json.send(ctx, 200, Views.owner(SessionAuth.owner(ctx)));
  }

  private static String text(ObjectNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || !value.isTextual()) {
      throw ApiException.invalidField("/" + field, "is required and must be a string");
    }
    return value.textValue();
  }
}
