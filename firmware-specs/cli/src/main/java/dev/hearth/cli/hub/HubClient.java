package dev.hearth.cli.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.hearth.cli.CommandFailure;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Calls a hub's REST API with the session token. Answers come back as values (status, headers,
 * body); {@link Response#requireOk} turns a problem document (RFC 9457) into a {@link
 * CommandFailure} carrying the hub's own detail.
 */
public final class HubClient {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration TIMEOUT = Duration.ofMinutes(2);

  private final URI base;
  private final String token;
  private final HttpClient http;

  public HubClient(URI base, String token) {
    this.base = base;
    this.token = token;
    this.http =
        HttpClient.newBuilder()
            // HTTP/1.1: one request per chunk on a plain connection, so a broken chunk breaks
            // only itself (no cleartext h2c upgrade multiplexing the upload with other calls).
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  public URI base() {
    return base;
  }

  /**
   * One answer.
   *
   * @param status the HTTP status
   * @param headers response headers, names in lower case
   * @param body the body, empty for none
   */
  public record Response(int status, Map<String, String> headers, byte[] body) {

    public boolean ok() {
      return status >= 200 && status < 300;
    }

    public Optional<String> header(String name) {
      return Optional.ofNullable(headers.get(name.toLowerCase(java.util.Locale.ROOT)));
    }

    /** The body as JSON; an empty object when there is none. */
    public JsonNode json() {
      if (body.length == 0) {
        return JSON.createObjectNode();
      }
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw CommandFailure.failed("the hub answered " + status + " with a body that is not JSON");
      }
    }

    /** The problem type's slug ({@code quorum-not-met}), or empty. */
    public String problemSlug() {
      String type = json().path("type").asText("");
      return type.startsWith("urn:hearth:problem:")
          ? type.substring("urn:hearth:problem:".length())
          : "";
    }

    /** The hub's explanation of a refusal. */
    public String problem() {
      JsonNode json = ok() ? JSON.createObjectNode() : json();
      String detail = json.path("detail").asText("");
      return "the hub refused ("
          + status
          + (problemSlug().isEmpty() ? "" : " " + problemSlug())
          + ")"
          + (detail.isEmpty() ? "" : ": " + detail);
    }

    /** This answer when it is a success; a failure with the hub's detail otherwise. */
    public Response requireOk() {
      if (ok()) {
        return this;
      }
      if (status == 401) {
        throw CommandFailure.usage(
            "the hub does not accept your session token (expired?); log in again");
      }
      throw CommandFailure.failed(problem());
    }
  }

  /** A JSON request; {@code json} null for none. */
  public Response json(String method, String path, JsonNode json) {
    HttpRequest.Builder request =
        request(path)
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(write(json)));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    return unchecked(() -> send(request.build()));
  }

  /** A request with a body of bytes; the caller handles {@link IOException} (resumes). */
  public Response send(HttpRequest request) throws IOException {
    try {
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      Map<String, String> headers = new java.util.HashMap<>();
      response
          .headers()
          .map()
          .forEach(
              (name, values) ->
                  headers.put(name.toLowerCase(java.util.Locale.ROOT), values.get(0)));
      return new Response(response.statusCode(), headers, response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw CommandFailure.io("interrupted while talking to the hub", e);
    }
  }

  /** A request to {@code path} with the session token. */
  public HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(base.resolve(path))
        .timeout(TIMEOUT)
        .header("Authorization", "Bearer " + token)
        .header("Accept", "application/json");
  }

  /** What to tell a person when the hub cannot be reached. */
  public CommandFailure unreachable(IOException e) {
    String why =
        e instanceof ConnectException
            ? "nothing answers there"
            : e instanceof HttpTimeoutException ? "it did not answer in time" : e.toString();
    return CommandFailure.io("cannot reach the hub at " + base + ": " + why, e);
  }

  private Response unchecked(IoCall call) {
    try {
      return call.run();
    } catch (IOException e) {
      throw unreachable(e);
    }
  }

  @FunctionalInterface
  private interface IoCall {
    Response run() throws IOException;
  }

  private static byte[] write(JsonNode json) {
    try {
      return JSON.writeValueAsBytes(json);
    } catch (IOException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }
}
