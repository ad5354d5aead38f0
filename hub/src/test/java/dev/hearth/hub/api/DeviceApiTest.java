package dev.hearth.hub.api;

import static dev.hearth.hub.api.ApiTestHub.assertProblem;
import static dev.hearth.hub.api.ApiTestHub.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.hub.registry.RegistryFixture;
import dev.hearth.hub.store.Alerts;
import dev.hearth.hub.store.Device;
import dev.hearth.hub.store.IngestBatch;
import io.vertx.core.http.HttpMethod;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class DeviceApiTest {

  private static final ApiTestHub hub = ApiTestHub.start();
  private static final Instant T0 = RegistryFixture.START;

  @AfterAll
  static void stop() {
    hub.close();
  }

  private static void commit(
      List<IngestBatch.TelemetryRow> telemetry,
      List<IngestBatch.EventRow> events,
      List<IngestBatch.StateRow> states) {
    hub.fixture.store.commit(new IngestBatch(telemetry, events, states, List.of(), List.of()));
  }

  @Test
  void listsAnOwnersDevicesPageByPageWithCursors() {
    var owner = hub.owner("many");
    var ids = new ArrayList<String>();
    for (int i = 0; i < 5; i++) {
      ids.add(hub.device(owner, RegistryFixture.WASHER).id());
    }
    var seen = new ArrayList<String>();
    String path = "/api/v1/devices?limit=2";
    int pages = 0;
    while (path != null) {
      var response = hub.get(path, owner.token());
      assertThat(response.statusCode()).isEqualTo(200);
      JsonNode page = json(response);
      assertThat(page.get("items").size()).isLessThanOrEqualTo(2);
      page.get("items").forEach(item -> seen.add(item.get("id").asText()));
      pages++;
      if (page.get("next").isNull()) {
        assertThat(response.getHeader("Link")).isNull();
        path = null;
      } else {
        String link = response.getHeader("Link");
        assertThat(link).startsWith("</api/v1/devices?limit=2&cursor=").endsWith(">; rel=\"next\"");
        path = link.substring(1, link.indexOf('>'));
      }
    }
    assertThat(pages).isEqualTo(3);
    assertThat(seen).containsExactlyInAnyOrderElementsOf(ids);

    assertProblem(hub.get("/api/v1/devices?limit=0", owner.token()), 400, "bad-request");
    assertProblem(hub.get("/api/v1/devices?limit=201", owner.token()), 400, "bad-request");
    assertProblem(hub.get("/api/v1/devices?limit=x", owner.token()), 400, "bad-request");
    assertProblem(hub.get("/api/v1/devices?cursor=%00%01", owner.token()), 400, "bad-request");
  }

  @Test
  void showsADeviceAndLetsItsOwnerRenameItAndChooseAChannel() {
    var owner = hub.owner("renamer");
    Device washer = hub.device(owner, RegistryFixture.WASHER);
    String path = "/api/v1/devices/" + washer.id();

    JsonNode shown = json(hub.get(path, owner.token()));
    assertThat(shown.get("id").asText()).isEqualTo(washer.id());
    assertThat(shown.get("profile").asText()).isEqualTo("open-washer@1");
    assertThat(shown.get("profileName").asText()).isEqualTo("Open Washer");
    assertThat(shown.get("state").asText()).isEqualTo("active");
    assertThat(shown.get("remoteStart").asBoolean()).isTrue();
    assertThat(shown.has("claimCode")).isFalse();

    var patched =
        hub.send(
            HttpMethod.PATCH,
            path,
            owner.token(),
            "{\"name\":\"Kitchen washer\",\"channel\":\"beta\"}");
    assertThat(patched.statusCode()).as(patched.bodyAsString()).isEqualTo(200);
    assertThat(json(patched).get("name").asText()).isEqualTo("Kitchen washer");
    assertThat(json(patched).get("channel").asText()).isEqualTo("beta");
    assertThat(json(hub.get(path, owner.token())).get("channel").asText()).isEqualTo("beta");

    var off = hub.send(HttpMethod.PATCH, path, owner.token(), "{\"channel\":\"off\"}");
    assertThat(json(off).get("channel").asText()).isEqualTo("off");
    assertThat(json(off).get("name").asText()).isEqualTo("Kitchen washer");

    var badChannel =
        assertProblem(
            hub.send(HttpMethod.PATCH, path, owner.token(), "{\"channel\":\"nightly\"}"),
            400,
            "bad-request");
    assertThat(badChannel.get("errors").get(0).get("pointer").asText()).isEqualTo("/channel");
    assertProblem(
        hub.send(HttpMethod.PATCH, path, owner.token(), "{\"ownerId\":\"me\"}"),
        400,
        "bad-request");
    assertProblem(hub.send(HttpMethod.PATCH, path, owner.token(), "{}"), 400, "bad-request");
    assertProblem(
        hub.send(HttpMethod.PATCH, path, owner.token(), "{\"name\":\"\\u0007\"}"),
        400,
        "bad-request");
  }

  @Test
  void showsTheLatestStateReport() {
    var owner = hub.owner("stateful");
    Device washer = hub.device(owner, RegistryFixture.WASHER);
    String path = "/api/v1/devices/" + washer.id() + "/state";

    JsonNode before = json(hub.get(path, owner.token()));
    assertThat(before.get("report").isNull()).isTrue();
    assertThat(before.get("presence").asText()).isEqualTo("offline");

    String report =
        "{\"ts\":"
            + T0.toEpochMilli()
            + ",\"seq\":3,\"phase\":\"running\",\"program\":\"cotton-40\",\"step\":\"wash\","
            + "\"remainingSeconds\":1800,\"door\":\"closed\",\"lock\":\"locked\",\"tripped\":[],"
            + "\"outputs\":{\"heater\":1}}";
    commit(
        List.of(),
        List.of(),
        List.of(new IngestBatch.StateRow(washer.id(), 3, T0.toEpochMilli(), report)));
    JsonNode after = json(hub.get(path, owner.token()));
    assertThat(after.get("report").get("program").asText()).isEqualTo("cotton-40");
    assertThat(after.get("report").get("remainingSeconds").asInt()).isEqualTo(1800);
  }

  @Test
  void answersShortRangesWithRawSamplesAndLongOnesWithMinuteAggregates() {
    var owner = hub.owner("charts");
    Device washer = hub.device(owner, RegistryFixture.WASHER);
    var samples = new ArrayList<IngestBatch.Sample>();
    for (int s = 0; s < 180; s += 10) {
      samples.add(
          new IngestBatch.Sample(
              T0.plusSeconds(s).toEpochMilli(), Map.of("water_temp", 20.0 + s / 10.0)));
    }
    commit(
        List.of(new IngestBatch.TelemetryRow(washer.id(), 1, T0.toEpochMilli(), 0, samples)),
        List.of(),
        List.of());
    hub.fixture.store.telemetry().downsample(T0, T0.plus(Duration.ofMinutes(3)));
    String base = "/api/v1/devices/" + washer.id() + "/telemetry?channel=water_temp";

    JsonNode raw =
        json(
            hub.get(
                base + "&from=" + T0 + "&to=" + T0.plus(Duration.ofMinutes(30)), owner.token()));
    assertThat(raw.get("resolution").asText()).isEqualTo("raw");
    assertThat(raw.get("truncated").asBoolean()).isFalse();
    assertThat(raw.get("points")).hasSize(18);
    assertThat(raw.get("points").get(0).get("t").asLong()).isEqualTo(T0.toEpochMilli());
    assertThat(raw.get("points").get(0).get("v").asDouble()).isEqualTo(20.0);

    String dayRange =
        "&from=" + T0.minus(Duration.ofHours(12)) + "&to=" + T0.plus(Duration.ofHours(12));
    JsonNode minutes = json(hub.get(base + dayRange, owner.token()));
    assertThat(minutes.get("resolution").asText()).isEqualTo("minute");
    assertThat(minutes.get("points")).hasSize(3);
    JsonNode first = minutes.get("points").get(0);
    assertThat(first.get("t").asLong()).isEqualTo(T0.toEpochMilli());
    assertThat(first.get("min").asDouble()).isEqualTo(20.0);
    assertThat(first.get("max").asDouble()).isEqualTo(25.0);
    assertThat(first.get("count").asLong()).isEqualTo(6);

    // Epoch milliseconds work as well; the boundary of one hour is still raw.
    JsonNode hour =
        json(
            hub.get(
                base
                    + "&from="
                    + T0.toEpochMilli()
                    + "&to="
                    + T0.plus(Duration.ofHours(1)).toEpochMilli(),
                owner.token()));
    assertThat(hour.get("resolution").asText()).isEqualTo("raw");

    JsonNode latest =
        json(hub.get("/api/v1/devices/" + washer.id() + "/telemetry/latest", owner.token()));
    assertThat(latest.get("channels").get("water_temp").get("v").asDouble()).isEqualTo(37.0);

    assertProblem(
        hub.get("/api/v1/devices/" + washer.id() + "/telemetry", owner.token()),
        400,
        "bad-request");
    assertProblem(
        hub.get(base.replace("water_temp", "magnetron"), owner.token()), 400, "bad-request");
    assertProblem(hub.get(base + "&from=yesterday", owner.token()), 400, "bad-request");
    assertProblem(
        hub.get(base + "&from=" + T0 + "&to=" + T0.minusSeconds(1), owner.token()),
        400,
        "bad-request");
    assertProblem(
        hub.get(base + "&from=" + T0.minus(Duration.ofDays(40)) + "&to=" + T0, owner.token()),
        400,
        "bad-request");
  }

  @Test
  void listsEventsNewestFirstPageByPage() {
    var owner = hub.owner("events");
    Device washer = hub.device(owner, RegistryFixture.WASHER);
    var events = new ArrayList<IngestBatch.EventRow>();
    for (int seq = 1; seq <= 5; seq++) {
      long ts = T0.plusSeconds(seq).toEpochMilli();
      events.add(
          new IngestBatch.EventRow(
              washer.id(),
              seq,
              ts,
              "cycle-finished",
              "info",
              "done " + seq,
              "{\"seq\":"
                  + seq
                  + ",\"ts\":"
                  + ts
                  + ",\"type\":\"cycle-finished\",\"severity\":\"info\","
                  + "\"message\":\"done "
                  + seq
                  + "\",\"data\":{\"program\":\"eco\"}}"));
    }
    commit(List.of(), events, List.of());

    String path = "/api/v1/devices/" + washer.id() + "/events?limit=3";
    JsonNode first = json(hub.get(path, owner.token()));
    assertThat(first.get("items")).hasSize(3);
    assertThat(first.get("items").get(0).get("seq").asLong()).isEqualTo(5);
    assertThat(first.get("items").get(0).get("data").get("program").asText()).isEqualTo("eco");
    assertThat(first.get("items").get(0).get("at").asText())
        .isEqualTo(T0.plusSeconds(5).toString());
    JsonNode second = json(hub.get(path + "&cursor=" + first.get("next").asText(), owner.token()));
    assertThat(second.get("items")).hasSize(2);
    assertThat(second.get("items").get(1).get("seq").asLong()).isEqualTo(1);
    assertThat(second.get("next").isNull()).isTrue();
  }

  @Test
  void listsAlertsPerDeviceAndAcrossTheOwnersDevices() {
    var owner = hub.owner("alerted");
    Device washer = hub.device(owner, RegistryFixture.WASHER);
    Device oven = hub.device(owner, RegistryFixture.MICROWAVE);
    var alerts = hub.fixture.store.alerts();
    alerts.open(
        new Alerts.Alert("a-1", washer.id(), "leak", "alarm", "Water in the base pan", T0, null));
    alerts.open(
        new Alerts.Alert(
            "a-2",
            oven.id(),
            "door-open-too-long",
            "warning",
            "Door open",
            T0.plusSeconds(5),
            null));
    alerts.clear(oven.id(), "door-open-too-long", T0.plusSeconds(60));

    JsonNode all = json(hub.get("/api/v1/alerts", owner.token()));
    assertThat(all.get("items")).hasSize(2);
    JsonNode open = json(hub.get("/api/v1/alerts?open=true", owner.token()));
    assertThat(open.get("items")).hasSize(1);
    assertThat(open.get("items").get(0).get("rule").asText()).isEqualTo("leak");
    assertThat(open.get("items").get(0).get("open").asBoolean()).isTrue();

    JsonNode ovens = json(hub.get("/api/v1/devices/" + oven.id() + "/alerts", owner.token()));
    assertThat(ovens.get("items")).hasSize(1);
    assertThat(ovens.get("items").get(0).get("open").asBoolean()).isFalse();
    assertThat(ovens.get("items").get(0).get("clearedAt").asText())
        .isEqualTo(T0.plusSeconds(60).toString());
    assertProblem(hub.get("/api/v1/alerts?open=maybe", owner.token()), 400, "bad-request");

    var stranger = hub.owner("stranger");
    assertThat(json(hub.get("/api/v1/alerts", stranger.token())).get("items")).isEmpty();
  }
}
