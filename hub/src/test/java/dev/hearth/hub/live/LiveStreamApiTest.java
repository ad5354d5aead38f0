package dev.hearth.hub.live;

import static dev.hearth.hub.api.ApiTestHub.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.hub.api.ApiTestHub;
import dev.hearth.hub.registry.RegistryFixture;
import dev.hearth.hub.store.Device;
import dev.hearth.specs.enrollment.ClaimCode;
import io.vertx.core.http.HttpMethod;
import java.security.SecureRandom;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** {@code GET /api/v1/live} over real HTTP: an owner's stream carries their devices only. */
class LiveStreamApiTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final ApiTestHub hub =
      ApiTestHub.start(
          r -> {},
          a ->
              a.liveHeartbeat(Duration.ofMillis(100))
                  .liveSessionCheck(Duration.ofMillis(100))
                  .maxLiveStreamsPerOwner(2));
  private static final EventBusLiveUpdates live = new EventBusLiveUpdates(hub.vertx.eventBus());

  @AfterAll
  static void stop() {
    hub.close();
  }

  private static ObjectNode state(String phase) {
    return JsonNodeFactory.instance.objectNode().put("phase", phase).put("seq", 7);
  }

  @Test
  void anOwnerReceivesUpdatesOfTheirDevicesAndNobodyElseDoes() {
    var alice = hub.owner("alice");
    var bob = hub.owner("bob");
    Device aliceWasher = hub.device(alice, RegistryFixture.WASHER);
    Device bobOven = hub.device(bob, RegistryFixture.MICROWAVE);

    try (var aliceStream = SseClient.bearer(hub, alice.token());
        var bobStream = SseClient.bearer(hub, bob.token())) {
      assertThat(aliceStream.response.statusCode()).isEqualTo(200);
      assertThat(aliceStream.response.getHeader("Content-Type")).startsWith("text/event-stream");
      assertThat(aliceStream.awaitReady()).contains("\"devices\":[\"" + aliceWasher.id() + "\"]");
      bobStream.awaitReady();

      live.publish(aliceWasher.id(), "state", state("running"));
      live.publish(
          bobOven.id(),
          "presence",
          JsonNodeFactory.instance.objectNode().put("presence", "online"));

      aliceStream.awaitText(t -> t.contains("event: state\n"), WAIT);
      assertThat(aliceStream.text())
          .contains(
              "event: state\ndata: {\"kind\":\"state\",\"deviceId\":\""
                  + aliceWasher.id()
                  + "\",\"data\":{\"phase\":\"running\",\"seq\":7}}\n\n");
      bobStream.awaitText(t -> t.contains("event: presence\n"), WAIT);
      assertThat(bobStream.text()).contains(bobOven.id()).doesNotContain(aliceWasher.id());
      assertThat(aliceStream.text()).doesNotContain(bobOven.id());
    }
  }

  @Test
  void anIdleStreamGetsHeartbeatComments() {
    var carol = hub.owner("carol");
    try (var stream = SseClient.cookie(hub, carol.token())) {
      stream.awaitReady();
      stream.awaitText(t -> t.contains(": ping\n\n"), WAIT);
      assertThat(stream.text()).startsWith("retry: 5000\n\n");
    }
  }

  @Test
  void aDeviceClaimedWhileStreamingJoinsTheStream() {
    var dave = hub.owner("dave");
    try (var stream = SseClient.bearer(hub, dave.token())) {
      assertThat(stream.awaitReady()).contains("\"devices\":[]");
      String code = ClaimCode.generate(new SecureRandom()).value();
      hub.post(
          "/api/v1/enrollments",
          null,
          "{\"claimCode\":\""
              + code
              + "\",\"hardwareId\":\"pi-dave\",\"profile\":\"open-washer@1\","
              + "\"agentVersion\":\"1.0.0\"}");
      var claimed = hub.post("/api/v1/claims", dave.token(), "{\"claimCode\":\"" + code + "\"}");
      String deviceId = ApiTestHub.json(claimed).get("id").asText();

      stream.awaitText(t -> t.contains("event: device\n"), WAIT);
      live.publish(deviceId, "state", state("idle"));
      stream.awaitText(t -> t.contains("event: state\n") && t.contains(deviceId), WAIT);
    }
  }

  @Test
  void commandsSentThroughTheApiAreStreamed() {
    var erin = hub.owner("erin");
    Device washer = hub.device(erin, RegistryFixture.WASHER);
    try (var stream = SseClient.bearer(hub, erin.token())) {
      stream.awaitReady();
      hub.post("/api/v1/devices/" + washer.id() + "/commands", erin.token(), "{\"name\":\"stop\"}");
      String text = stream.awaitText(t -> t.contains("event: command\n"), WAIT);
      assertThat(text).contains("\"name\":\"stop\"", "\"status\":\"queued\"");
    }
  }

  @Test
  void closingTheConnectionReleasesTheStream() {
    var frank = hub.owner("frank");
    for (int round = 0; round < 3; round++) {
      // At most two streams per owner here: a third only opens once one is released.
      try (var first = SseClient.bearer(hub, frank.token());
          var second = SseClient.bearer(hub, frank.token())) {
        first.awaitReady();
        second.awaitReady();
        assertProblem(hub.get("/api/v1/live", frank.token()), 429, "too-many-requests");
      }
      awaitStreams(0);
    }
  }

  @Test
  void loggingOutEndsTheStream() {
    var grace = hub.owner("grace");
    try (var stream = SseClient.bearer(hub, grace.token())) {
      stream.awaitReady();
      hub.send(HttpMethod.POST, "/api/v1/auth/logout", grace.token(), null);
      assertThat(stream.awaitEnd(WAIT)).isTrue();
    }
  }

  @Test
  void withoutASessionThereIsNoStream() {
    assertProblem(hub.get("/api/v1/live", null), 401, "unauthorized");
    assertProblem(hub.get("/api/v1/live", "forged"), 401, "unauthorized");
  }

  private static void awaitStreams(double expected) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      if (hub.metrics.get("hearth.api.live.streams").gauge().value() == expected) {
        return;
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    assertThat(hub.metrics.get("hearth.api.live.streams").gauge().value()).isEqualTo(expected);
  }
}
