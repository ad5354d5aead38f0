package dev.hearth.hub.api;

import static dev.hearth.hub.api.ApiTestHub.assertProblem;
import static dev.hearth.hub.api.ApiTestHub.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.hub.registry.RegistryFixture;
import dev.hearth.hub.store.Alerts;
import dev.hearth.hub.store.Device;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * An owner reaches none of another owner's devices: every route with a device in its path answers
 * 404, exactly as for a device that does not exist, and changes nothing. The routes come from the
 * router itself, so an endpoint added later is covered without touching this test.
 */
class IsolationApiTest {

  private static final ApiTestHub hub = ApiTestHub.start();

  @AfterAll
  static void stop() {
    hub.close();
  }

  @Test
  void everyDeviceRouteAnswers404ForSomeoneElsesDevice() {
    var alice = hub.owner("alice");
    var mallory = hub.owner("mallory");
    Device washer = hub.device(alice, RegistryFixture.WASHER);
    var command =
        hub.post(
            "/api/v1/devices/" + washer.id() + "/commands", alice.token(), "{\"name\":\"stop\"}");
    String commandId = json(command).get("id").asText();
    int sentBefore = hub.commands.sent.size();

    List<String> checked = new ArrayList<>();
    for (Route route : hub.router.getRoutes()) {
      String path = route.getPath();
      if (path == null || !path.startsWith("/api/v1/devices/:id") || route.methods() == null) {
        continue;
      }
      for (HttpMethod method : route.methods()) {
        String body = bodyFor(method, path);
        for (String id : new String[] {washer.id(), "wsh-000000"}) {
          // Valid requests: a malformed one may be refused before ownership matters.
          String concrete =
              path.replace(":id", id).replace(":commandId", commandId)
                  + (path.endsWith("/telemetry") ? "?channel=water_temp" : "");
          var response = hub.send(method, concrete, mallory.token(), body);
          var problem = assertProblem(response, 404, "not-found");
          assertThat(problem.get("detail").asText()).doesNotContain(alice.owner().id());
        }
        checked.add(method + " " + path);
      }
    }
    assertThat(checked)
        .contains(
            "GET /api/v1/devices/:id",
            "PATCH /api/v1/devices/:id",
            "GET /api/v1/devices/:id/state",
            "GET /api/v1/devices/:id/telemetry",
            "GET /api/v1/devices/:id/telemetry/latest",
            "GET /api/v1/devices/:id/events",
            "GET /api/v1/devices/:id/alerts",
            "POST /api/v1/devices/:id/commands",
            "GET /api/v1/devices/:id/commands",
            "GET /api/v1/devices/:id/commands/:commandId",
            "GET /api/v1/devices/:id/revisions",
            "POST /api/v1/devices/:id/installs");

    // Nothing changed, nothing was sent.
    assertThat(hub.commands.sent).hasSize(sentBefore);
    assertThat(hub.fixture.store.devices().find(washer.id()).orElseThrow().name()).isNull();
  }

  @Test
  void listingsShowNothingOfSomeoneElsesDevices() {
    var alice = hub.owner("alice2");
    var mallory = hub.owner("mallory2");
    Device washer = hub.device(alice, RegistryFixture.WASHER);
    hub.fixture
        .store
        .alerts()
        .open(
            new Alerts.Alert(
                "leak-1", washer.id(), "leak", "alarm", "Leak", RegistryFixture.START, null));

    assertThat(json(hub.get("/api/v1/devices", mallory.token())).get("items")).isEmpty();
    assertThat(json(hub.get("/api/v1/alerts", mallory.token())).get("items")).isEmpty();
    assertThat(json(hub.get("/api/v1/devices", alice.token())).get("items")).hasSize(1);
    assertThat(json(hub.get("/api/v1/alerts", alice.token())).get("items")).hasSize(1);
  }

  @Test
  void aCommandOfOneDeviceIsNotReachableThroughAnother() {
    var alice = hub.owner("alice3");
    Device washer = hub.device(alice, RegistryFixture.WASHER);
    Device oven = hub.device(alice, RegistryFixture.MICROWAVE);
    String commandId =
        json(hub.post(
                "/api/v1/devices/" + washer.id() + "/commands",
                alice.token(),
                "{\"name\":\"stop\"}"))
            .get("id")
            .asText();
    assertProblem(
        hub.get("/api/v1/devices/" + oven.id() + "/commands/" + commandId, alice.token()),
        404,
        "not-found");
    assertThat(
            hub.get("/api/v1/devices/" + washer.id() + "/commands/" + commandId, alice.token())
                .statusCode())
        .isEqualTo(200);
  }

  private static String bodyFor(HttpMethod method, String path) {
    if (path.endsWith("/installs")) {
      return "{\"revisionId\":\"r-1\"}";
    }
    if (method == HttpMethod.POST) {
      return "{\"name\":\"stop\"}";
    }
    if (method == HttpMethod.PATCH) {
      return "{\"name\":\"Mine now\"}";
    }
    return null;
  }
}
