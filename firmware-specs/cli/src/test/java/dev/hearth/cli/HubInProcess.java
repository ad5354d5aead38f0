package dev.hearth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.hearth.hub.app.HubApplication;
import dev.hearth.hub.app.HubSettings;
import dev.hearth.hub.app.RunningHub;
import dev.hearth.hub.registry.AccountOutcome;
import dev.hearth.hub.registry.NewAccount;
import dev.hearth.hub.store.Owner;
import dev.hearth.hub.store.jdbc.StoreConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A real hub, started in-process by its composition root on loopback (HTTP and MQTT on ephemeral
 * ports, no CoAP, H2 in memory), trusting a community's root file; accounts are made the way an
 * admin makes them and log in over HTTP like anyone.
 */
final class HubInProcess implements AutoCloseable {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String PASSWORD = "correct horse battery staple";

  final RunningHub hub;
  private final HttpClient http = HttpClient.newHttpClient();

  private HubInProcess(RunningHub hub) {
    this.hub = hub;
  }

  static HubInProcess start(Path rootFile, Path dataDir) {
    HubSettings settings =
        new HubSettings(
            "127.0.0.1",
            0,
            0,
            Optional.empty(),
            -1,
            StoreConfig.h2Memory("cli-" + UUID.randomUUID()),
            dataDir,
            rootFile,
            URI.create("tcp://127.0.0.1:1883"),
            Optional.empty());
    return new HubInProcess(HubApplication.start(settings, Clock.systemUTC()));
  }

  String url() {
    return "http://127.0.0.1:" + hub.httpPort();
  }

  /** Makes an account and logs it in; returns its session token. */
  String login(String name, Owner.Role... roles) {
    String email = name + "@example.test";
    AccountOutcome created =
        hub.registry()
            .accounts()
            .create(new NewAccount(email, name, PASSWORD.toCharArray(), Set.of(roles), "UTC"));
    assertThat(created).isInstanceOf(AccountOutcome.Created.class);
    JsonNode session =
        call(
            "POST",
            "/api/v1/auth/login",
            null,
            "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
    return session.get("token").asText();
  }

  /** Registers the public key file {@code pub} on the token's account. */
  void registerKey(String token, Path pub) throws IOException {
    call("POST", "/api/v1/keys", token, Files.readString(pub));
  }

  /** Sends {@code chunk} to an upload, as a push does. */
  void patch(String uploadId, String token, long offset, byte[] chunk) {
    try {
      HttpResponse<byte[]> response =
          http.send(
              HttpRequest.newBuilder(URI.create(url() + "/api/v1/uploads/" + uploadId))
                  .header("Authorization", "Bearer " + token)
                  .header("Upload-Offset", Long.toString(offset))
                  .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(chunk))
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(200);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  JsonNode get(String path, String token) {
    return call("GET", path, token, null);
  }

  byte[] bytes(String path) {
    try {
      HttpResponse<byte[]> response =
          http.send(
              HttpRequest.newBuilder(URI.create(url() + path)).GET().build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertThat(response.statusCode()).isEqualTo(200);
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  JsonNode call(String method, String path, String token, String json) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url() + path))
            .timeout(Duration.ofSeconds(20))
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      HttpResponse<byte[]> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      assertThat(response.statusCode())
          .as(method + " " + path + ": " + new String(response.body()))
          .isBetween(200, 299);
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    hub.close();
  }
}
