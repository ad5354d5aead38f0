package dev.hearth.bench.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.specs.manifest.Sha256;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The hub's public REST API as the CLI and the dashboard use it: JSON in and out, a bearer token
 * from {@code POST /api/v1/auth/login}, every answer outside 2xx an exception naming the call and
 * the hub's problem document.
 */
final class HubApi {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final HttpClient http;
  private final URI hub;

  HubApi(URI hub) {
    this.hub = hub;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  URI base() {
    return hub;
  }

  /** Logs in; returns the session's bearer token. */
  String login(String email, String password) {
    ObjectNode body = JSON.createObjectNode().put("email", email).put("password", password);
    return call("POST", "/api/v1/auth/login", null, body).path("token").asText();
  }

  /** {@code method path} with a JSON body (or none), as the session {@code token} (or none). */
  JsonNode call(String method, String path, String token, JsonNode body) {
    HttpRequest.Builder b = request(path, token);
    if (body == null) {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      b.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
    }
    return send(b.build());
  }

  /** {@code body} raw, with its content type, e.g. a public key file. */
  JsonNode post(String path, String token, String contentType, String body) {
    return send(
        request(path, token)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  /** Uploads {@code artifact} the resumable way: opens the upload, then one PATCH from 0. */
  void upload(String token, byte[] artifact) {
    ObjectNode open =
        JSON.createObjectNode().put("sha256", Sha256.hex(artifact)).put("size", artifact.length);
    JsonNode state = call("POST", "/api/v1/uploads", token, open);
    if (state.path("complete").asBoolean()) {
      return;
    }
    JsonNode done =
        send(
            request("/api/v1/uploads/" + state.path("id").asText(), token)
                .header("Content-Type", "application/offset+octet-stream")
                .header("Upload-Offset", "0")
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(artifact))
                .build());
    if (!done.path("complete").asBoolean()) {
      throw new IllegalStateException("the upload did not complete: " + done);
    }
  }

  private HttpRequest.Builder request(String path, String token) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(hub.resolve(path))
            .timeout(TIMEOUT)
            .header("Accept", "application/json");
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return b;
  }

  private JsonNode send(HttpRequest request) {
    String what = request.method() + " " + request.uri().getPath();
    try {
      HttpResponse<String> response =
          http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (response.statusCode() / 100 != 2) {
        throw new IllegalStateException(
            what + " failed: HTTP " + response.statusCode() + " " + response.body());
      }
      String text = response.body();
      return text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
    } catch (IOException e) {
      throw new IllegalStateException(what + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(what + " was interrupted", e);
    }
  }
}
