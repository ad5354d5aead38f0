package dev.hearth.bench.enroll;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearth.specs.enrollment.ClaimCode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * An owner logged in to a hub's REST API ({@code POST /api/v1/auth/login}), issuing claim codes
 * ({@code POST /api/v1/claim-codes}) for the fleet's devices.
 */
public final class OwnerSession {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final URI hub;
  private final String token;

  private OwnerSession(HttpClient http, URI hub, String token) {
    this.http = http;
    this.hub = hub;
    this.token = token;
  }

  /**
   * Logs in.
   *
   * @throws IllegalStateException when the hub refuses the login or cannot be reached
   */
  public static OwnerSession login(URI hub, String email, String password) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    JsonNode answer =
        call(
            http,
            HttpRequest.newBuilder(hub.resolve("/api/v1/auth/login"))
                .header("Content-Type", "application/json")
                .POST(body(Map.of("email", email, "password", password))),
            200,
            "logging in as " + email);
    return new OwnerSession(http, hub, answer.path("token").asText());
  }

  /** A fresh owner-issued claim code. */
  public ClaimCode issueClaimCode() {
    JsonNode answer =
        call(
            http,
            HttpRequest.newBuilder(hub.resolve("/api/v1/claim-codes"))
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()),
            201,
            "issuing a claim code");
    return ClaimCode.parse(answer.path("claimCode").asText()).orElseThrow();
  }

  private static HttpRequest.BodyPublisher body(Map<String, String> fields) {
    try {
      return HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(fields));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode call(
      HttpClient http, HttpRequest.Builder request, int expected, String what) {
    try {
      HttpResponse<String> response =
          http.send(
              request.timeout(TIMEOUT).header("Accept", "application/json").build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != expected) {
        throw new IllegalStateException(
            what + " failed: HTTP " + response.statusCode() + " " + response.body());
      }
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException(what + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(what + " was interrupted", e);
    }
  }
}
