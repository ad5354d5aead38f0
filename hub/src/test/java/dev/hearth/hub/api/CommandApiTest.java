package dev.hearth.hub.api;

import static dev.hearth.hub.api.ApiTestHub.assertProblem;
import static dev.hearth.hub.api.ApiTestHub.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.hub.registry.RegistryFixture;
import dev.hearth.hub.store.Device;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class CommandApiTest {

  private static final ApiTestHub hub =
      ApiTestHub.start(r -> {}, a -> a.commandTtl(Duration.ofMinutes(3)));
  private static final ApiTestHub.Session owner = hub.owner("cook");
  private static final Device washer = hub.device(owner, RegistryFixture.WASHER);
  private static final Device oven = hub.device(owner, RegistryFixture.MICROWAVE);

  @AfterAll
  static void stop() {
    hub.close();
  }

  private static io.vertx.ext.web.client.HttpResponse<io.vertx.core.buffer.Buffer> command(
      Device device, String body) {
    return hub.post("/api/v1/devices/" + device.id() + "/commands", owner.token(), body);
  }

  @Test
  void stopPauseAndResumeAreAlwaysAcceptedForDelivery() {
    for (String name : new String[] {"stop", "pause", "resume"}) {
      var response = command(oven, "{\"name\":\"" + name + "\"}");
      assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(202);
      JsonNode record = json(response);
      assertThat(record.get("name").asText()).isEqualTo(name);
      assertThat(record.get("status").asText()).isEqualTo("queued");
      assertThat(record.get("deviceId").asText()).isEqualTo(oven.id());
      assertThat(record.get("requestedBy").asText()).isEqualTo(owner.owner().id());
      assertThat(response.getHeader("Location"))
          .isEqualTo("/api/v1/devices/" + oven.id() + "/commands/" + record.get("id").asText());
    }
    var last = hub.commands.sent.get(hub.commands.sent.size() - 1);
    assertThat(last.ttl()).isEqualTo(Duration.ofMinutes(3));
    assertThat(last.by()).isEqualTo(owner.owner().id());
  }

  @Test
  void aRemoteStartIsRefusedWhenTheProfileDoesNotAllowIt() {
    int before = hub.commands.sent.size();
    var refused = command(oven, "{\"name\":\"start\",\"args\":{\"program\":\"reheat\"}}");
    var problem = assertProblem(refused, 409, "remote-start-not-allowed");
    assertThat(problem.get("detail").asText()).contains("open-microwave@1");
    assertThat(hub.commands.sent).hasSize(before);
  }

  @Test
  void aRemoteStartIsSentWhenTheProfileAllowsIt() {
    var response = command(washer, "{\"name\":\"start\",\"args\":{\"program\":\"cotton-40\"}}");
    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(json(response).get("args").get("program").asText()).isEqualTo("cotton-40");
    var sent = hub.commands.sent.get(hub.commands.sent.size() - 1);
    assertThat(sent.name()).isEqualTo("start");
    assertThat(sent.args().get("program").asText()).isEqualTo("cotton-40");
  }

  @Test
  void aCommandCanBeFollowedAndListed() {
    String id = json(command(washer, "{\"name\":\"pause\"}")).get("id").asText();
    var one = hub.get("/api/v1/devices/" + washer.id() + "/commands/" + id, owner.token());
    assertThat(one.statusCode()).isEqualTo(200);
    assertThat(json(one).get("name").asText()).isEqualTo("pause");
    JsonNode list = json(hub.get("/api/v1/devices/" + washer.id() + "/commands", owner.token()));
    assertThat(list.get("items").findValuesAsText("id")).contains(id);
    assertProblem(
        hub.get("/api/v1/devices/" + washer.id() + "/commands/no-such", owner.token()),
        404,
        "not-found");
  }

  @Test
  void unknownCommandsAndBadArgumentsAreRefused() {
    int before = hub.commands.sent.size();
    assertProblem(command(washer, "{\"name\":\"self-destruct\"}"), 422, "unknown-command");
    var noName = assertProblem(command(washer, "{}"), 400, "bad-request");
    assertThat(noName.get("errors").get(0).get("pointer").asText()).isEqualTo("/name");
    assertProblem(command(washer, "{\"name\":\"stop\",\"args\":[1]}"), 400, "bad-request");
    String deep = "{\"a\":".repeat(40) + "1" + "}".repeat(40);
    assertProblem(command(washer, "{\"name\":\"stop\",\"args\":" + deep + "}"), 400, "bad-request");
    assertThat(hub.commands.sent).hasSize(before);
  }
}
