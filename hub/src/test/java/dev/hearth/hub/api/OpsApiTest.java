package dev.hearth.hub.api;

import static dev.hearth.hub.api.ApiTestHub.assertProblem;
import static dev.hearth.hub.api.ApiTestHub.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.hub.registry.RegistryFixture;
import org.junit.jupiter.api.Test;

/** {@code /health}, {@code /metrics}, and what clients see when the store fails. */
class OpsApiTest {

  @Test
  void healthAndMetricsTellHowTheHubIsAndFaultsHideTheirInternals() {
    try (var hub = ApiTestHub.start()) {
      var health = hub.get("/health", null);
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(json(health).get("status").asText()).isEqualTo("up");
      assertThat(json(health).get("store").asText()).isEqualTo("h2");

      var session = hub.owner("ops");
      hub.post(
          "/api/v1/auth/login",
          null,
          "{\"email\":\"ops@example.test\",\"password\":\"" + RegistryFixture.PASSWORD + "x\"}");
      var metrics = hub.get("/metrics", null);
      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.getHeader("Content-Type")).startsWith("text/plain");
      assertThat(metrics.bodyAsString())
          .contains("hearth_api_logins_total{outcome=\"loggedin\"} 1.0")
          .contains("hearth_api_logins_total{outcome=\"badcredentials\"} 1.0")
          .contains("hearth_api_live_streams");

      // The database goes away.
      hub.fixture.store.close();
      var down = hub.get("/health", null);
      assertThat(down.statusCode()).isEqualTo(503);
      assertThat(json(down).get("status").asText()).isEqualTo("down");

      var fault = assertProblem(hub.get("/api/v1/devices", session.token()), 500, "internal-error");
      assertThat(fault.get("detail").asText()).contains("reference");
      assertThat(fault.toString()).doesNotContain("jdbc").doesNotContain("SQL");
    }
  }
}
