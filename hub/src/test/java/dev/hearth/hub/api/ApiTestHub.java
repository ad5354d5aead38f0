package dev.hearth.hub.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.hearth.hub.catalog.FirmwareCatalog;
import dev.hearth.hub.registry.RegistryConfig;
import dev.hearth.hub.registry.RegistryFixture;
import dev.hearth.hub.store.Device;
import dev.hearth.hub.store.Owner;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A hub's HTTP side over real loopback HTTP: the router from {@link HubRouter} on an ephemeral
 * port, the registry on the real H2 store, a {@link RecordingCommandSender} in place of the
 * gateway, and a client. Calls block the test thread until the answer is in.
 */
public final class ApiTestHub implements AutoCloseable {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  public final RegistryFixture fixture;
  public final Vertx vertx = Vertx.vertx();
  public final RecordingCommandSender commands;
  public final PrometheusMeterRegistry metrics =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  public final FirmwareCatalog catalog;
  public final Router router;
  public final HttpServer server;
  public final WebClient client;

  private ApiTestHub(Consumer<RegistryConfig.Builder> registry, Consumer<ApiConfig.Builder> api) {
    fixture = RegistryFixture.create(registry);
    commands = new RecordingCommandSender(fixture.store.commands(), fixture.clock);
    var config = ApiConfig.builder();
    api.accept(config);
    // The catalog as the hub has it, so that its device routes are checked like every other.
    catalog = fixture.openCatalog();
    router =
        HubRouter.create(
            vertx,
            ApiDependencies.of(fixture.registry, fixture.store, commands, metrics)
                .withConfig(config.build())
                .withClock(fixture.clock)
                .withCatalog(catalog));
    server = await(vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1"));
    client =
        WebClient.create(
            vertx,
            new WebClientOptions()
                .setDefaultHost("127.0.0.1")
                .setDefaultPort(server.actualPort())
                .setFollowRedirects(false));
  }

  public static ApiTestHub start() {
    return new ApiTestHub(r -> {}, a -> {});
  }

  public static ApiTestHub start(
      Consumer<RegistryConfig.Builder> registry, Consumer<ApiConfig.Builder> api) {
    return new ApiTestHub(registry, api);
  }

  public int port() {
    return server.actualPort();
  }

  /** A logged-in owner. */
  public record Session(Owner owner, String token) {}

  /** Makes an owner and logs them in over HTTP. */
  public Session owner(String name) {
    Owner owner = fixture.owner(name + "@example.test");
    var response =
        send(
            HttpMethod.POST,
            "/api/v1/auth/login",
            null,
            "{\"email\":\""
                + owner.email()
                + "\",\"password\":\""
                + RegistryFixture.PASSWORD
                + "\"}");
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    return new Session(owner, json(response).get("token").asText());
  }

  /** An active device of {@code session}'s owner. */
  public Device device(Session session, String profile) {
    return fixture.device(session.owner().id(), profile);
  }

  public HttpResponse<Buffer> get(String path, String token) {
    return send(HttpMethod.GET, path, token, null);
  }

  public HttpResponse<Buffer> post(String path, String token, String json) {
    return send(HttpMethod.POST, path, token, json);
  }

  /** Sends a request; {@code json} null for none, {@code token} null for no authentication. */
  public HttpResponse<Buffer> send(HttpMethod method, String path, String token, String json) {
    HttpRequest<Buffer> request = client.request(method, path);
    if (token != null) {
      request.bearerTokenAuthentication(token);
    }
    if (json == null) {
      return await(request.send());
    }
    request.putHeader("Content-Type", "application/json");
    return await(request.sendBuffer(Buffer.buffer(json)));
  }

  public static JsonNode json(HttpResponse<Buffer> response) {
    try {
      return JSON.readTree(response.bodyAsString());
    } catch (IOException e) {
      throw new UncheckedIOException(response.bodyAsString(), e);
    }
  }

  /** Asserts an RFC 9457 problem document of {@code status} and {@code slug}; returns it. */
  public static JsonNode assertProblem(HttpResponse<Buffer> response, int status, String slug) {
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(status);
    assertThat(response.getHeader("Content-Type")).startsWith("application/problem+json");
    JsonNode problem = json(response);
    assertThat(problem.get("type").asText()).isEqualTo("urn:hearth:problem:" + slug);
    assertThat(problem.get("title").asText()).isNotBlank();
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("detail").asText()).isNotBlank();
    assertThat(problem.get("instance").asText()).startsWith("/");
    assertThat(response.bodyAsString()).doesNotContain("Exception").doesNotContain("\tat ");
    return problem;
  }

  public static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    await(vertx.close());
    catalog.close();
    fixture.close();
  }
}
