package dev.hearth.hub.api;

import static dev.hearth.hub.api.ApiTestHub.assertProblem;
import static dev.hearth.hub.api.ApiTestHub.await;
import static dev.hearth.hub.api.ApiTestHub.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.hub.limits.RateLimit;
import dev.hearth.hub.registry.RegistryFixture;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class AuthApiTest {

  private static final ApiTestHub hub =
      ApiTestHub.start(
          r ->
              r.loginPerAccount(RateLimit.of(3, Duration.ofMinutes(1)))
                  .loginPerAddress(RateLimit.of(1000, Duration.ofMillis(10))),
          a -> {});

  @AfterAll
  static void stop() {
    hub.close();
  }

  private static HttpResponse<Buffer> login(String email, String password) {
    return hub.post(
        "/api/v1/auth/login",
        null,
        "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
  }

  @Test
  void loginReturnsATokenAndSetsAStrictHttpOnlyCookie() {
    var owner = hub.fixture.owner("login@example.test");
    var response = login("login@example.test", RegistryFixture.PASSWORD);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
    var body = json(response);
    String token = body.get("token").asText();
    assertThat(token).hasSize(43);
    assertThat(body.get("owner").get("id").asText()).isEqualTo(owner.id());
    assertThat(body.get("owner").has("passwordHash")).isFalse();
    assertThat(body.get("expiresAt").asText()).isNotBlank();

    String cookie = response.cookies().get(0);
    assertThat(cookie).startsWith("hearth_session=" + token);
    assertThat(cookie.toLowerCase())
        .contains("; httponly", "; samesite=strict", "; path=/")
        .doesNotContain("Secure");
  }

  @Test
  void theSessionAuthenticatesByBearerTokenOrByCookie() {
    var session = hub.owner("me");
    var byBearer = hub.get("/api/v1/me", session.token());
    assertThat(byBearer.statusCode()).isEqualTo(200);
    assertThat(json(byBearer).get("email").asText()).isEqualTo("me@example.test");
    assertThat(json(byBearer).get("roles").toString()).isEqualTo("[\"owner\"]");

    var byCookie =
        await(
            hub.client
                .get("/api/v1/me")
                .putHeader("Cookie", "hearth_session=" + session.token())
                .send());
    assertThat(byCookie.statusCode()).isEqualTo(200);
  }

  @Test
  void withoutAValidSessionTheAnswerIs401WithAChallenge() {
    var none = hub.get("/api/v1/me", null);
    assertProblem(none, 401, "unauthorized");
    assertThat(none.getHeader("WWW-Authenticate")).startsWith("Bearer");
    assertProblem(hub.get("/api/v1/me", "not-a-session"), 401, "unauthorized");
    var basic = await(hub.client.get("/api/v1/me").putHeader("Authorization", "Basic YTpi").send());
    assertProblem(basic, 401, "unauthorized");
  }

  @Test
  void wrongPasswordAndUnknownAccountAnswerTheSame() {
    hub.fixture.owner("wrong@example.test");
    var wrong =
        assertProblem(login("wrong@example.test", "nope nope nope"), 401, "invalid-credentials");
    var unknown =
        assertProblem(login("ghost@example.test", "nope nope nope"), 401, "invalid-credentials");
    assertThat(wrong.get("detail")).isEqualTo(unknown.get("detail"));
  }

  @Test
  void logoutEndsTheSessionAndClearsTheCookie() {
    var session = hub.owner("leaving");
    var response = hub.send(HttpMethod.POST, "/api/v1/auth/logout", session.token(), null);
    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(response.cookies().get(0)).startsWith("hearth_session=;").contains("Max-Age=0");
    assertProblem(hub.get("/api/v1/me", session.token()), 401, "unauthorized");
    // Logging out twice, or without a session, is no error.
    assertThat(hub.send(HttpMethod.POST, "/api/v1/auth/logout", session.token(), null).statusCode())
        .isEqualTo(204);
  }

  @Test
  void repeatedFailuresAreRefusedWith429AndRetryAfter() {
    hub.fixture.owner("target@example.test");
    for (int i = 0; i < 3; i++) {
      assertProblem(login("target@example.test", "guess " + i), 401, "invalid-credentials");
    }
    var refused = login("target@example.test", RegistryFixture.PASSWORD);
    assertProblem(refused, 429, "too-many-requests");
    assertThat(refused.getHeader("Retry-After")).isEqualTo("60");
    // Other accounts are unaffected.
    hub.fixture.owner("bystander@example.test");
    assertThat(login("bystander@example.test", RegistryFixture.PASSWORD).statusCode())
        .isEqualTo(200);
  }

  @Test
  void malformedLoginsAreBadRequests() {
    var missing =
        assertProblem(
            hub.post("/api/v1/auth/login", null, "{\"email\":\"a@b.c\"}"), 400, "bad-request");
    assertThat(missing.get("errors").get(0).get("pointer").asText()).isEqualTo("/password");
    assertProblem(hub.post("/api/v1/auth/login", null, "{\"email\":"), 400, "bad-request");
    assertProblem(hub.post("/api/v1/auth/login", null, "[]"), 400, "bad-request");
    var form =
        await(
            hub.client
                .post("/api/v1/auth/login")
                .putHeader("Content-Type", "application/x-www-form-urlencoded")
                .sendBuffer(Buffer.buffer("email=a&password=b")));
    assertProblem(form, 415, "unsupported-media-type");
  }
}
