package dev.hearth.hub.api;

import static dev.hearth.hub.api.ApiTestHub.assertProblem;
import static dev.hearth.hub.api.ApiTestHub.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Every refusal is an RFC 9457 problem document, whichever layer refused. */
class ProblemDetailsTest {

  private static final ApiTestHub hub = ApiTestHub.start(r -> {}, a -> a.bodyLimitBytes(4096));

  @AfterAll
  static void stop() {
    hub.close();
  }

  @Test
  void anUnknownPathIsANotFoundProblem() {
    var problem = assertProblem(hub.get("/api/v1/nothing-here", null), 404, "not-found");
    assertThat(problem.get("title").asText()).isEqualTo("Not found");
    assertThat(problem.get("instance").asText()).isEqualTo("/api/v1/nothing-here");
  }

  @Test
  void anUnsupportedMethodIsAMethodNotAllowedProblem() {
    assertProblem(
        hub.send(HttpMethod.DELETE, "/api/v1/devices", null, null), 405, "method-not-allowed");
  }

  @Test
  void anOversizedBodyIsRefusedBeforeItIsRead() {
    String big = "{\"email\":\"" + "x".repeat(8000) + "\",\"password\":\"p\"}";
    assertProblem(hub.post("/api/v1/auth/login", null, big), 413, "payload-too-large");
  }

  @Test
  void aRepeatedQueryParameterIsRefused() {
    var owner = hub.owner("params");
    var problem =
        assertProblem(
            hub.get("/api/v1/devices?limit=1&limit=2", owner.token()), 400, "bad-request");
    assertThat(problem.get("errors").get(0).get("pointer").asText()).isEqualTo("?limit");
  }

  @Test
  void problemsAreNotCached() {
    var response = hub.get("/api/v1/me", null);
    assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
    assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
  }

  @Test
  void anEmptyBodyIsABadRequest() {
    var response =
        await(
            hub.client
                .post("/api/v1/enrollments")
                .putHeader("Content-Type", "application/json")
                .sendBuffer(Buffer.buffer()));
    assertProblem(response, 400, "bad-request");
  }
}
