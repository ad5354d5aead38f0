package dev.hearth.agent.enroll;

import static dev.hearth.agent.enroll.Fixtures.PASSWORD;
import static dev.hearth.agent.enroll.Fixtures.enrolled;
import static dev.hearth.agent.enroll.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearth.agent.enroll.Fixtures.ManualTime;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent's side of SPEC.md, chapter "Enrollment" against a real HTTP server standing in for the
 * hub.
 */
class EnrollerTest {

  @TempDir Path stateDir;

  private final ManualTime time = new ManualTime();
  private final List<String> progress = new ArrayList<>();
  private StandInHub hub;

  @AfterEach
  void stopHub() {
    if (hub != null) {
      hub.close();
    }
  }

  private Enroller enroller(URI url) {
    EnrollmentEndpoint endpoint =
        HubEnrollmentClient.create(url, Optional.empty(), Fixtures.VERSION, time);
    return new Enroller(
        endpoint, new EnrollmentStore(stateDir), time, time, new SplittableRandom(7));
  }

  private Enroller.Outcome enroll(Duration patience, StandInHub.Reply... replies) {
    hub = StandInHub.start(replies);
    return enroller(hub.url())
        .enroll(
            request(),
            patience,
            new Enroller.Progress() {
              @Override
              public void pending(Duration nextPoll) {
                progress.add("pending " + nextPoll.toSeconds());
              }

              @Override
              public void retrying(String why, Duration wait) {
                progress.add("retrying: " + why);
              }
            });
  }

  @Test
  void anOwnerIssuedCodeEnrollsAtOnceAndStoresCredentialsAndRoot() throws IOException {
    Enroller.Outcome outcome = enroll(Duration.ofMinutes(1), enrolled());

    assertThat(outcome).isInstanceOf(Enroller.Enrolled.class);
    Enrollment e = ((Enroller.Enrolled) outcome).enrollment();
    assertThat(e.deviceId().value()).isEqualTo("wsh-7f3a2c");
    assertThat(e.mqtt().uri()).isEqualTo(URI.create("ssl://hub.example:8883"));
    assertThat(e.mqtt().password()).isEqualTo(PASSWORD);
    assertThat(e.mqtt().toString()).doesNotContain(PASSWORD);
    assertThat(e.coap())
        .hasValueSatisfying(c -> assertThat(c.pskBytes()).asString().isEqualTo("secret-psk"));
    assertThat(e.hub()).isEqualTo(hub.url());
    assertThat(e.profile()).isEqualTo(Fixtures.WASHER);
    assertThat(e.enrolledAt()).isEqualTo(time.instant());
    assertThat(time.waits).isEmpty();

    StandInHub.Received sent = hub.received().get(0);
    assertThat(sent.method()).isEqualTo("POST");
    assertThat(sent.path()).isEqualTo("/api/v1/enrollments");
    assertThat(sent.contentType()).isEqualTo("application/json");
    assertThat(sent.body().toString())
        .isEqualTo(
            "{\"claimCode\":\"K7M2-9QXD\",\"hardwareId\":\"rpi:10000000abcdef01\","
                + "\"profile\":\"open-washer@1\",\"agentVersion\":\"0.1.0\"}");

    EnrollmentStore store = new EnrollmentStore(stateDir);
    assertThat(store.load()).isEqualTo(new EnrollmentStore.Present(e));
    assertThat(new ObjectMapper().readTree(Files.readAllBytes(store.rootFile())))
        .isEqualTo(Fixtures.root());
  }

  @Test
  void aDeviceIssuedCodePollsAsTheHubSaysUntilTheOwnerClaimsIt() {
    Enroller.Outcome outcome =
        enroll(Duration.ofMinutes(30), StandInHub.pending(5), StandInHub.pending(7), enrolled());

    assertThat(outcome).isInstanceOf(Enroller.Enrolled.class);
    assertThat(hub.received()).hasSize(3);
    assertThat(hub.received()).extracting(r -> r.body()).containsOnly(hub.received().get(0).body());
    assertThat(time.waits).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(7));
    assertThat(progress).containsExactly("pending 5", "pending 7");
  }

  @Test
  void aPendingAnswerWithoutPollAfterWaitsTheDefaultFiveSeconds() {
    enroll(Duration.ofMinutes(1), StandInHub.json(202, "{\"status\":\"pending\"}"), enrolled());
    assertThat(time.waits).containsExactly(Duration.ofSeconds(5));
  }

  @Test
  void anUnknownCodeIsRefusedWithTheHubsProblemAndAHint() {
    Enroller.Outcome outcome =
        enroll(
            Duration.ofMinutes(1),
            StandInHub.problem(404, "Unknown claim code", "no claim code K7M2-9QXD is waiting"));

    assertThat(outcome).isInstanceOf(Enroller.Refused.class);
    assertThat(((Enroller.Refused) outcome).message())
        .isEqualTo(
            "the hub refused (HTTP 404): Unknown claim code — no claim code K7M2-9QXD is waiting."
                + " Check the claim code; an owner-issued code expires, so ask the hub for a new"
                + " one");
    assertThat(new EnrollmentStore(stateDir).isEnrolled()).isFalse();
    assertThat(hub.received()).hasSize(1);
  }

  @Test
  void aCodeUsedByAnotherBoardIsRefused() {
    Enroller.Outcome outcome =
        enroll(Duration.ofMinutes(1), StandInHub.problem(409, "Claim code already used", ""));

    assertThat(((Enroller.Refused) outcome).message())
        .startsWith("the hub refused (HTTP 409): Claim code already used.")
        .contains("already used by another board");
  }

  @Test
  void tooManyAttemptsWaitsAsRetryAfterSays() {
    Enroller.Outcome outcome =
        enroll(
            Duration.ofMinutes(5),
            StandInHub.withHeader(
                StandInHub.problem(429, "Too many attempts", "slow down"), "Retry-After", "17"),
            enrolled());

    assertThat(outcome).isInstanceOf(Enroller.Enrolled.class);
    assertThat(time.waits).containsExactly(Duration.ofSeconds(17));
    assertThat(progress).containsExactly("retrying: the hub asks to slow down (HTTP 429)");
  }

  @Test
  void serverErrorsAreRetriedWithGrowingJitteredBackoff() {
    Enroller.Outcome outcome =
        enroll(
            Duration.ofMinutes(5),
            StandInHub.json(500, "{}"),
            StandInHub.json(502, "{}"),
            StandInHub.json(503, "{}"),
            enrolled());

    assertThat(outcome).isInstanceOf(Enroller.Enrolled.class);
    assertThat(time.waits).hasSize(3);
    assertThat(time.waits.get(0)).isBetween(Duration.ofMillis(1500), Duration.ofMillis(2500));
    assertThat(time.waits.get(1)).isBetween(Duration.ofMillis(3000), Duration.ofMillis(5000));
    assertThat(time.waits.get(2)).isBetween(Duration.ofMillis(6000), Duration.ofMillis(10000));
  }

  @Test
  void patienceEndsAPendingEnrollmentWithoutStoringAnything() {
    Enroller.Outcome outcome =
        enroll(
            Duration.ofSeconds(12),
            StandInHub.pending(5),
            StandInHub.pending(5),
            StandInHub.pending(5));

    assertThat(outcome).isInstanceOf(Enroller.GaveUp.class);
    assertThat(((Enroller.GaveUp) outcome).message())
        .isEqualTo("gave up after 12 s: the owner has not claimed code K7M2-9QXD in the hub yet");
    assertThat(hub.received()).hasSize(3);
    assertThat(new EnrollmentStore(stateDir).isEnrolled()).isFalse();
  }

  @Test
  void anUnreachableHubIsRetriedUntilPatienceRunsOut() throws IOException {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    Enroller.Outcome outcome =
        enroller(URI.create("http://127.0.0.1:" + closedPort))
            .enroll(request(), Duration.ofSeconds(5), Enroller.Progress.quiet());

    assertThat(outcome).isInstanceOf(Enroller.GaveUp.class);
    assertThat(((Enroller.GaveUp) outcome).message()).contains("cannot connect to the hub");
    assertThat(time.waits).isNotEmpty();
  }

  @Test
  void anEnrolledAnswerWithABrokenRootIsRefusedAndNothingIsStored() {
    String body = Fixtures.enrolledBody("wsh-7f3a2c").replace("\"signatures\"", "\"signaturez\"");
    Enroller.Outcome outcome = enroll(Duration.ofMinutes(1), StandInHub.json(200, body));

    assertThat(outcome).isInstanceOf(Enroller.Refused.class);
    assertThat(((Enroller.Refused) outcome).message())
        .contains("the hub said enrolled, but its answer cannot be used: /root/signatures");
    assertThat(Files.exists(stateDir.resolve("root.json"))).isFalse();
    assertThat(Files.exists(stateDir.resolve("enrollment.json"))).isFalse();
  }

  @Test
  void anEnrolledAnswerWithoutAPasswordIsRefused() {
    String body =
        Fixtures.enrolledBody("wsh-7f3a2c").replace(",\"password\":\"" + PASSWORD + "\"", "");
    Enroller.Outcome outcome = enroll(Duration.ofMinutes(1), StandInHub.json(200, body));

    assertThat(((Enroller.Refused) outcome).message()).contains("/mqtt/password: is required");
  }

  @Test
  void aRedirectIsNotFollowedButExplained() {
    Enroller.Outcome outcome =
        enroll(
            Duration.ofMinutes(1),
            StandInHub.withHeader(
                StandInHub.json(308, ""),
                "Location",
                "https://hub.example.org/api/v1/enrollments"));

    assertThat(((Enroller.Refused) outcome).message())
        .contains("the hub redirects to https://hub.example.org/api/v1/enrollments");
    assertThat(hub.received()).hasSize(1);
  }
}
