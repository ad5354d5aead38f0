package dev.hearth.hub.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearth.hub.app.HubSettings;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one-command demo end to end: real agents on simulated appliances enroll over HTTP, connect
 * over MQTT, and the owner sees them live through the REST API.
 */
class DemoTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  @TempDir Path data;

  @Test
  void theDemoOwnerSeesLiveSimulatedAppliancesThroughTheApi() throws Exception {
    Clock clock = Clock.systemUTC();
    int mqtt = freePort();
    HubSettings settings = Demo.loopbackSettings(data, mqtt, clock);
    try (Demo demo = Demo.start(settings, 2, clock)) {
      String base = "http://127.0.0.1:" + demo.hub().httpPort();
      String token =
          JSON.readTree(
                  post(
                      base + "/api/v1/auth/login",
                      "{\"email\":\""
                          + Demo.OWNER_EMAIL
                          + "\",\"password\":\""
                          + demo.password()
                          + "\"}"))
              .get("token")
              .asText();

      JsonNode devices =
          await(
              base + "/api/v1/devices",
              token,
              d -> d.get("items").size() == 2 && allOnline(d.get("items")));
      assertThat(devices.get("items"))
          .extracting(d -> d.get("name").asText())
          .containsExactlyInAnyOrder("Bathroom washer", "Kitchen microwave");
      for (JsonNode device : devices.get("items")) {
        String id = device.get("id").asText();
        await(
            base + "/api/v1/devices/" + id + "/state",
            token,
            s -> s.path("report").path("phase").asText().equals("running"));
        await(
            base + "/api/v1/devices/" + id + "/telemetry/latest",
            token,
            t -> t.path("channels").size() > 3);
      }
      // The demo community's release, validated, approved by both maintainers and released.
      for (JsonNode device : devices.get("items")) {
        JsonNode revisions =
            await(
                base + "/api/v1/devices/" + device.get("id").asText() + "/revisions",
                token,
                r -> r.get("items").size() == 1,
                Duration.ofMinutes(4));
        JsonNode release = revisions.get("items").get(0);
        assertThat(release.get("version").asText()).isEqualTo("1.0.1");
        assertThat(release.get("status").asText()).isEqualTo("released");
        assertThat(release.get("reviews").get(0).get("met").asBoolean()).isTrue();
      }
      assertThat(
              post(
                  base + "/api/v1/auth/login",
                  "{\"email\":\""
                      + Demo.maintainerEmail()
                      + "\",\"password\":\""
                      + demo.maintainerPassword()
                      + "\"}"))
          .contains("token");
    }
  }

  private static boolean allOnline(JsonNode items) {
    for (JsonNode d : items) {
      if (!d.path("presence").asText().equals("online")) {
        return false;
      }
    }
    return true;
  }

  private JsonNode await(String url, String token, Predicate<JsonNode> done) throws Exception {
    return await(url, token, done, Duration.ofSeconds(60));
  }

  private JsonNode await(String url, String token, Predicate<JsonNode> done, Duration patience)
      throws Exception {
    long deadline = System.nanoTime() + patience.toNanos();
    JsonNode last = null;
    while (System.nanoTime() < deadline) {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create(url))
                  .header("Authorization", "Bearer " + token)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() == 200) {
        last = JSON.readTree(r.body());
        if (done.test(last)) {
          return last;
        }
      }
      Thread.sleep(250);
    }
    throw new AssertionError("timed out waiting on " + url + "; last answer: " + last);
  }

  private String post(String url, String body) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return r.body();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
