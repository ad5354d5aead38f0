package dev.hearth.hub.rollout;

import static dev.hearth.hub.api.ApiTestHub.assertProblem;
import static dev.hearth.hub.api.ApiTestHub.await;
import static dev.hearth.hub.api.ApiTestHub.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.hub.api.ApiDependencies;
import dev.hearth.hub.api.HubRouter;
import dev.hearth.hub.api.RecordingCommandSender;
import dev.hearth.hub.live.LiveUpdates;
import dev.hearth.hub.registry.RegistryFixture;
import dev.hearth.hub.store.Device;
import dev.hearth.hub.store.Owner;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rollout API over real HTTP on the real router and store: maintainers create and steer
 * rollouts, owners read their devices' update history, everyone else is refused with a problem
 * document.
 */
class RolloutApiTest {

  private static final String PLAN =
      "\"groups\":[{\"percent\":50},{\"percent\":100,\"approval\":true}]";

  private static RegistryFixture fixture;
  private static Vertx vertx;
  private static WebClient client;
  private static FakeCatalog catalog;
  private static String maintainer;
  private static String owner;
  private static String stranger;
  private static List<Device> washers;
  private static Device strangersWasher;

  @BeforeAll
  static void start() {
    fixture = RegistryFixture.create();
    vertx = Vertx.vertx();
    catalog = new FakeCatalog();
    catalog.release("rev-stable", "1.1.0", RegistryFixture.WASHER, "stable", "beta");
    catalog.release("rev-beta", "1.2.0-beta.1", RegistryFixture.WASHER, "beta");
    var news = new RolloutNews(fixture.store.rollouts(), LiveUpdates.none());
    var manager = new RolloutManager(fixture.store.rollouts(), catalog, news, fixture.clock);
    var router =
        HubRouter.create(
            vertx,
            ApiDependencies.of(
                    fixture.registry,
                    fixture.store,
                    new RecordingCommandSender(fixture.store.commands(), fixture.clock),
                    new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))
                .withClock(fixture.clock)
                .withRollouts(manager));
    HttpServer server =
        await(vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1"));
    client =
        WebClient.create(
            vertx,
            new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(server.actualPort()));

    Owner ada = fixture.owner("ada@example.test");
    fixture.store.owners().setRoles(ada.id(), Set.of(Owner.Role.MAINTAINER));
    maintainer = login(ada);
    Owner bob = fixture.owner("bob@example.test");
    owner = login(bob);
    washers =
        List.of(
            fixture.device(bob.id(), RegistryFixture.WASHER),
            fixture.device(bob.id(), RegistryFixture.WASHER),
            fixture.device(bob.id(), RegistryFixture.WASHER),
            fixture.device(bob.id(), RegistryFixture.WASHER));
    Owner eve = fixture.owner("eve@example.test");
    stranger = login(eve);
    strangersWasher = fixture.device(eve.id(), RegistryFixture.WASHER);
    fixture.store.devices().setChannel(strangersWasher.id(), "off");
  }

  @AfterAll
  static void stop() {
    await(vertx.close());
    fixture.close();
  }

  private static String login(Owner who) {
    var response =
        send(
            HttpMethod.POST,
            "/api/v1/auth/login",
            null,
            "{\"email\":\""
                + who.email()
                + "\",\"password\":\""
                + RegistryFixture.PASSWORD
                + "\"}");
    assertThat(response.statusCode()).isEqualTo(200);
    return json(response).get("token").asText();
  }

  private static HttpResponse<Buffer> send(
      HttpMethod method, String path, String token, String body) {
    HttpRequest<Buffer> request = client.request(method, path);
    if (token != null) {
      request.bearerTokenAuthentication(token);
    }
    if (body == null) {
      return await(request.send());
    }
    request.putHeader("Content-Type", "application/json");
    return await(request.sendBuffer(Buffer.buffer(body)));
  }

  private static JsonNode create(String body) {
    var response = send(HttpMethod.POST, "/api/v1/rollouts", maintainer, body);
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
    JsonNode rollout = json(response);
    assertThat(response.getHeader("Location"))
        .isEqualTo("/api/v1/rollouts/" + rollout.get("id").asText());
    return rollout;
  }

  private static String stableRollout() {
    return "{\"revisionId\":\"rev-stable\",\"channel\":\"stable\"," + PLAN + "}";
  }

  @Test
  void aMaintainerCreatesARolloutAndReadsItsCountsPerGroupAndState() {
    JsonNode r =
        create(
            "{\"revisionId\":\"rev-stable\",\"channel\":\"stable\","
                + PLAN
                + ",\"successThreshold\":90,\"errorThreshold\":5,"
                + "\"window\":{\"start\":\"02:00\",\"end\":\"05:00\"}}");
    assertThat(r.get("status").asText()).isEqualTo("running");
    assertThat(r.get("release").get("version").asText()).isEqualTo("1.1.0");
    assertThat(r.get("members").asInt()).isEqualTo(4);
    assertThat(r.get("counts").get("pending").asInt()).isEqualTo(4);
    assertThat(r.get("counts").get("committed").asInt()).isZero();
    assertThat(r.get("groups")).hasSize(2);
    assertThat(r.get("groups").get(0).get("percent").asInt()).isEqualTo(50);
    assertThat(r.get("groups").get(0).get("open").asBoolean()).isTrue();
    assertThat(r.get("groups").get(0).get("members").asInt()).isEqualTo(2);
    assertThat(r.get("groups").get(1).get("approval").asBoolean()).isTrue();
    assertThat(r.get("groups").get(1).get("open").asBoolean()).isFalse();
    assertThat(r.get("window").get("start").asText()).isEqualTo("02:00");
    assertThat(r.get("successThreshold").asInt()).isEqualTo(90);
    assertThat(r.get("reason").isNull()).isTrue();

    String id = r.get("id").asText();
    JsonNode read = json(send(HttpMethod.GET, "/api/v1/rollouts/" + id, maintainer, null));
    assertThat(read.get("id").asText()).isEqualTo(id);
    JsonNode list = json(send(HttpMethod.GET, "/api/v1/rollouts?limit=50", maintainer, null));
    assertThat(list.get("items").findValuesAsText("id")).contains(id);
    JsonNode pending =
        json(
            send(
                HttpMethod.GET,
                "/api/v1/rollouts/" + id + "/devices?state=pending&limit=2",
                maintainer,
                null));
    assertThat(pending.get("items")).hasSize(2);
    assertThat(pending.get("next").isTextual()).isTrue();
    assertThat(pending.get("items").get(0).get("state").asText()).isEqualTo("pending");
  }

  @Test
  void pauseResumeApproveAndCancelAnswerWithTheRolloutOrAConflict() {
    String id = create(stableRollout()).get("id").asText();
    String base = "/api/v1/rollouts/" + id;

    var paused = send(HttpMethod.POST, base + "/pause", maintainer, "{\"note\":\"checking\"}");
    assertThat(paused.statusCode()).isEqualTo(200);
    assertThat(json(paused).get("status").asText()).isEqualTo("paused");
    assertThat(json(paused).get("reason").get("code").asText()).isEqualTo("paused-by-hand");
    assertThat(json(paused).get("reason").get("detail").asText()).contains("checking");

    assertProblem(send(HttpMethod.POST, base + "/pause", maintainer, null), 409, "conflict");
    assertProblem(send(HttpMethod.POST, base + "/approve", maintainer, null), 409, "conflict");
    var resumed = send(HttpMethod.POST, base + "/resume", maintainer, null);
    assertThat(json(resumed).get("status").asText()).isEqualTo("running");
    var cancelled = send(HttpMethod.POST, base + "/cancel", maintainer, null);
    assertThat(json(cancelled).get("status").asText()).isEqualTo("cancelled");
    assertProblem(send(HttpMethod.POST, base + "/cancel", maintainer, null), 409, "conflict");
    assertProblem(
        send(HttpMethod.POST, "/api/v1/rollouts/ro-nothing/pause", maintainer, null),
        404,
        "not-found");
  }

  @Test
  void aPlanThatCannotWorkOrAnUnreleasedRevisionIsRefusedNamingTheField() {
    JsonNode problem =
        assertProblem(
            send(
                HttpMethod.POST,
                "/api/v1/rollouts",
                maintainer,
                "{\"revisionId\":\"rev-stable\",\"channel\":\"stable\","
                    + "\"groups\":[{\"percent\":50},{\"percent\":40}]}"),
            400,
            "bad-request");
    assertThat(problem.get("errors").get(0).get("pointer").asText()).isEqualTo("/groups/1/percent");
    problem =
        assertProblem(
            send(
                HttpMethod.POST,
                "/api/v1/rollouts",
                maintainer,
                "{\"revisionId\":\"rev-stable\",\"channel\":\"stable\","
                    + "\"groups\":[{\"size\":5}]}"),
            400,
            "bad-request");
    assertThat(problem.get("errors").get(0).get("pointer").asText()).isEqualTo("/groups/0");
    problem =
        assertProblem(
            send(
                HttpMethod.POST,
                "/api/v1/rollouts",
                maintainer,
                "{\"revisionId\":\"rev-beta\",\"channel\":\"stable\"," + PLAN + "}"),
            400,
            "bad-request");
    assertThat(problem.get("errors").get(0).get("pointer").asText()).isEqualTo("/channel");
    problem =
        assertProblem(
            send(
                HttpMethod.POST,
                "/api/v1/rollouts",
                maintainer,
                "{\"revisionId\":\"rev-nope\",\"channel\":\"beta\"," + PLAN + "}"),
            400,
            "bad-request");
    assertThat(problem.get("errors").get(0).get("pointer").asText()).isEqualTo("/revisionId");
    problem =
        assertProblem(
            send(
                HttpMethod.POST,
                "/api/v1/rollouts",
                maintainer,
                "{\"revisionId\":\"rev-stable\",\"channel\":\"stable\","
                    + PLAN
                    + ",\"window\":{\"start\":\"2am\",\"end\":\"05:00\"}}"),
            400,
            "bad-request");
    assertThat(problem.get("errors").get(0).get("pointer").asText()).isEqualTo("/window/start");
    assertProblem(
        send(HttpMethod.GET, "/api/v1/rollouts/x/devices?state=dancing", maintainer, null),
        400,
        "bad-request");
  }

  @Test
  void onlyMaintainersAndAdminsManageRollouts() {
    assertProblem(send(HttpMethod.GET, "/api/v1/rollouts", null, null), 401, "unauthorized");
    assertProblem(send(HttpMethod.GET, "/api/v1/rollouts", owner, null), 403, "forbidden");
    assertProblem(
        send(HttpMethod.POST, "/api/v1/rollouts", owner, stableRollout()), 403, "forbidden");
  }

  @Test
  void anOwnerReadsTheUpdateHistoryOfTheirOwnDevicesOnly() {
    JsonNode r =
        create("{\"revisionId\":\"rev-beta\",\"channel\":\"beta\",\"groups\":[{\"percent\":100}]}");
    assertThat(r.get("members").asInt()).as("no device is on beta").isZero();
    String id = create(stableRollout()).get("id").asText();

    var history =
        send(HttpMethod.GET, "/api/v1/devices/" + washers.get(0).id() + "/updates", owner, null);
    assertThat(history.statusCode()).isEqualTo(200);
    JsonNode items = json(history).get("items");
    assertThat(items.findValuesAsText("rolloutId")).contains(id);
    JsonNode latest = items.get(0);
    assertThat(latest.get("release").get("name").asText()).isEqualTo("washer-programs");
    assertThat(latest.get("state").asText()).isIn("pending", "offered", "excluded");
    assertThat(latest.get("rolloutStatus").asText()).isNotBlank();

    assertProblem(
        send(HttpMethod.GET, "/api/v1/devices/" + washers.get(0).id() + "/updates", stranger, null),
        404,
        "not-found");
    JsonNode own =
        json(
            send(
                HttpMethod.GET,
                "/api/v1/devices/" + strangersWasher.id() + "/updates",
                stranger,
                null));
    assertThat(own.get("items")).as("its updates are off").isEmpty();
  }
}
