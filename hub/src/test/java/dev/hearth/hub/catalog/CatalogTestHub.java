package dev.hearth.hub.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.hearth.hub.api.ApiDependencies;
import dev.hearth.hub.api.HubRouter;
import dev.hearth.hub.api.RecordingCommandSender;
import dev.hearth.hub.registry.AccountOutcome;
import dev.hearth.hub.registry.NewAccount;
import dev.hearth.hub.registry.RegistryFixture;
import dev.hearth.hub.store.Device;
import dev.hearth.hub.store.Owner;
import dev.hearth.specs.simulate.SimulationOptions;
import dev.hearth.specs.trust.EnvelopeCodec;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A hub's HTTP side with the firmware catalog, over real loopback HTTP: the real router on an
 * ephemeral port, the registry and catalog on the real H2 store, artifacts in a temporary data
 * folder, the {@link Community}'s root as the configured root, and a {@link RecordingOfferSender}
 * where the rollout part would send offers. Calls block the test thread.
 */
public final class CatalogTestHub implements AutoCloseable {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  public final RegistryFixture fixture = RegistryFixture.create();
  public final Community community = new Community(RegistryFixture.START);
  public final RecordingOfferSender offers = new RecordingOfferSender();
  public final Path dataDir;
  public final FirmwareCatalog catalog;
  public final Vertx vertx = Vertx.vertx();
  public final Router router;
  public final HttpServer server;
  public final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private CatalogTestHub(java.util.function.Consumer<CatalogConfig.Builder> tweaks) {
    try {
      dataDir = Files.createTempDirectory("hearth-catalog-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    CatalogConfig.Builder config =
        CatalogConfig.builder(dataDir)
            // Half-second ticks: the same runs, a fifth of the CPU on a shared build machine.
            .simulation(new SimulationOptions(1, 0.5, 6 * 3600, 180));
    tweaks.accept(config);
    catalog =
        FirmwareCatalog.open(
            fixture.store.catalog(),
            config.build(),
            EnvelopeCodec.write(community.rootV1()),
            dev.hearth.hub.registry.ProfileLookup.shipped(),
            offers,
            fixture.clock);
    router =
        HubRouter.create(
            vertx,
            ApiDependencies.of(
                    fixture.registry,
                    fixture.store,
                    new RecordingCommandSender(fixture.store.commands(), fixture.clock),
                    new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))
                .withClock(fixture.clock)
                .withCatalog(catalog));
    server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await();
  }

  public static CatalogTestHub start() {
    return new CatalogTestHub(config -> {});
  }

  /** A hub with some catalog settings changed. */
  public static CatalogTestHub start(java.util.function.Consumer<CatalogConfig.Builder> tweaks) {
    return new CatalogTestHub(tweaks);
  }

  public int port() {
    return server.actualPort();
  }

  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port() + path);
  }

  /** A logged-in account. */
  public record Session(Owner owner, String token) {}

  /** Makes an account with {@code roles} and logs it in over HTTP. */
  public Session account(String name, Owner.Role... roles) {
    String email = name + "@example.test";
    AccountOutcome outcome =
        fixture
            .registry
            .accounts()
            .create(
                new NewAccount(
                    email,
                    name,
                    RegistryFixture.PASSWORD.toCharArray(),
                    Set.of(roles),
                    "Europe/Berlin"));
    if (!(outcome instanceof AccountOutcome.Created created)) {
      throw new IllegalStateException("cannot create " + email + ": " + outcome);
    }
    var response =
        send(
            "POST",
            "/api/v1/auth/login",
            null,
            "{\"email\":\"" + email + "\",\"password\":\"" + RegistryFixture.PASSWORD + "\"}");
    assertThat(response.statusCode()).as(body(response)).isEqualTo(200);
    return new Session(created.owner(), json(response).get("token").asText());
  }

  /** An account that registered {@code key}'s public key file. */
  public Session withKey(Session session, dev.hearth.specs.trust.SigningKey key, String name) {
    var response =
        send("POST", "/api/v1/keys", session.token(), Community.publicKeyJson(key, name));
    assertThat(response.statusCode()).as(body(response)).isIn(200, 201);
    return session;
  }

  /** An active device of the session's owner. */
  public Device device(Session session, String profile) {
    return fixture.device(session.owner().id(), profile);
  }

  public HttpResponse<byte[]> get(String path, String token) {
    return send("GET", path, token, null);
  }

  public HttpResponse<byte[]> post(String path, String token, String json) {
    return send("POST", path, token, json);
  }

  /** Sends a JSON request ({@code json} null for none, {@code token} null for anonymous). */
  public HttpResponse<byte[]> send(String method, String path, String token, String json) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
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
    return send(request.build());
  }

  /** Sends bytes as one upload chunk starting at {@code offset}. */
  public HttpResponse<byte[]> patch(String uploadId, String token, long offset, byte[] chunk) {
    return send(
        HttpRequest.newBuilder(uri("/api/v1/uploads/" + uploadId))
            .timeout(Duration.ofSeconds(20))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/offset+octet-stream")
            .header("Upload-Offset", Long.toString(offset))
            .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(chunk))
            .build());
  }

  public HttpResponse<byte[]> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static String body(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  public static JsonNode json(HttpResponse<byte[]> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(body(response), e);
    }
  }

  /** Asserts an RFC 9457 problem of {@code status} and {@code slug}; returns it. */
  public static JsonNode assertProblem(HttpResponse<byte[]> response, int status, String slug) {
    assertThat(response.statusCode()).as(body(response)).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    JsonNode problem = json(response);
    assertThat(problem.get("type").asText()).isEqualTo("urn:hearth:problem:" + slug);
    assertThat(problem.get("detail").asText()).isNotBlank();
    assertThat(body(response)).doesNotContain("Exception");
    return problem;
  }

  /** Uploads {@code artifact} in one chunk; returns the final upload state. */
  public JsonNode upload(Session session, byte[] artifact) {
    var opened =
        post(
            "/api/v1/uploads",
            session.token(),
            "{\"sha256\":\"" + Community.sha256(artifact) + "\",\"size\":" + artifact.length + "}");
    assertThat(opened.statusCode()).as(body(opened)).isIn(200, 201);
    JsonNode state = json(opened);
    if (state.get("complete").asBoolean()) {
      return state;
    }
    var done = patch(state.get("id").asText(), session.token(), 0, artifact);
    assertThat(done.statusCode()).as(body(done)).isEqualTo(200);
    return json(done);
  }

  /** Waits until the revision's simulator reports are in. */
  public JsonNode validated(String revisionId, String token) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (true) {
      JsonNode revision = json(get("/api/v1/revisions/" + revisionId, token));
      if (!revision.get("status").asText().equals("validating")) {
        return revision;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("still validating after 120 s: " + revisionId);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  @Override
  public void close() {
    catalog.close();
    vertx.close().await();
    fixture.close();
    try (Stream<Path> files = Files.walk(dataDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
