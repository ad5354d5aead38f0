package dev.hearth.hub.api;

import static dev.hearth.hub.api.ApiTestHub.assertProblem;
import static dev.hearth.hub.api.ApiTestHub.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.hub.limits.RateLimit;
import dev.hearth.specs.enrollment.ClaimCode;
import dev.hearth.specs.trust.EnvelopeCodec;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The enrollment contract, {@code firmware-specs/SPEC.md, chapter "Enrollment"}, over HTTP. */
class EnrollmentApiTest {

  private static final ApiTestHub hub = ApiTestHub.start();
  private static final AtomicInteger boards = new AtomicInteger();

  @AfterAll
  static void stop() {
    hub.close();
  }

  private static HttpResponse<Buffer> enroll(String code, String hardwareId, String profile) {
    return hub.post(
        "/api/v1/enrollments",
        null,
        "{\"claimCode\":\""
            + code
            + "\",\"hardwareId\":\""
            + hardwareId
            + "\",\"profile\":\""
            + profile
            + "\",\"agentVersion\":\"1.4.2\",\"futureField\":{\"ignored\":true}}");
  }

  private static String board() {
    return "10000000abcd" + boards.incrementAndGet();
  }

  private static String ownerCode(ApiTestHub.Session session) {
    var response = hub.post("/api/v1/claim-codes", session.token(), null);
    assertThat(response.statusCode()).isEqualTo(201);
    String code = json(response).get("claimCode").asText();
    assertThat(code).matches("[0-9A-Z]{4}-[0-9A-Z]{4}");
    assertThat(json(response).get("expiresAt").asText()).isNotBlank();
    return code;
  }

  @Test
  void anOwnerIssuedCodeEnrollsAtOnce() {
    var alice = hub.owner("alice");
    String code = ownerCode(alice);
    String board = board();

    var response = enroll(code.toLowerCase(), board, "open-washer@1");
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
    JsonNode body = json(response);
    assertThat(body.get("status").asText()).isEqualTo("enrolled");
    String deviceId = body.get("deviceId").asText();
    assertThat(deviceId).matches("wsh-[0-9a-f]{6}");
    assertThat(body.get("mqtt").get("uri").asText()).isEqualTo("ssl://hub.test:8883");
    assertThat(body.get("mqtt").get("username").asText()).isEqualTo(deviceId);
    assertThat(body.get("coap").get("uri").asText()).isEqualTo("coaps://hub.test:5684");
    assertThat(body.get("coap").get("pskIdentity").asText()).isEqualTo(deviceId);
    assertThat(body.get("root")).isEqualTo(EnvelopeCodec.toJson(hub.fixture.root));

    String password = body.get("mqtt").get("password").asText();
    byte[] psk = Base64.getDecoder().decode(body.get("coap").get("psk").asText());
    var authenticator = hub.fixture.registry.deviceAuthenticator();
    assertThat(authenticator.authenticate(deviceId, password.getBytes(StandardCharsets.UTF_8)))
        .isTrue();
    assertThat(authenticator.preSharedKey(deviceId))
        .hasValueSatisfying(k -> assertThat(k).isEqualTo(psk));

    // The agent repeats the request until it has the answer: it gets the same one.
    var again = enroll(code, board, "open-washer@1");
    assertThat(json(again)).isEqualTo(body);

    // The owner sees it at once.
    var devices = json(hub.get("/api/v1/devices", alice.token()));
    assertThat(devices.get("items").get(0).get("id").asText()).isEqualTo(deviceId);
  }

  @Test
  void aDeviceIssuedCodeIsPendingUntilTheOwnerClaimsIt() {
    var bob = hub.owner("bob");
    String code = ClaimCode.generate(new SecureRandom()).value();
    String board = board();

    var pending = enroll(code, board, "open-microwave@1");
    assertThat(pending.statusCode()).isEqualTo(202);
    assertThat(json(pending).get("status").asText()).isEqualTo("pending");
    assertThat(json(pending).get("pollAfterSeconds").asInt()).isEqualTo(5);
    assertThat(enroll(code, board, "open-microwave@1").statusCode()).isEqualTo(202);
    assertThat(json(hub.get("/api/v1/devices", bob.token())).get("items")).isEmpty();

    var claimed = hub.post("/api/v1/claims", bob.token(), "{\"claimCode\":\"" + code + "\"}");
    assertThat(claimed.statusCode()).as(claimed.bodyAsString()).isEqualTo(201);
    String deviceId = json(claimed).get("id").asText();
    assertThat(claimed.getHeader("Location")).isEqualTo("/api/v1/devices/" + deviceId);
    assertThat(json(claimed).get("remoteStart").asBoolean()).isFalse();
    var repeated = hub.post("/api/v1/claims", bob.token(), "{\"claimCode\":\"" + code + "\"}");
    assertThat(repeated.statusCode()).isEqualTo(200);

    var enrolled = enroll(code, board, "open-microwave@1");
    assertThat(enrolled.statusCode()).isEqualTo(200);
    assertThat(json(enrolled).get("deviceId").asText()).isEqualTo(deviceId);
  }

  @Test
  void claimingSomeoneElsesOrAnUnknownCodeIsNotFound() {
    var carol = hub.owner("carol");
    var mallory = hub.owner("mallory");
    String code = ClaimCode.generate(new SecureRandom()).value();
    enroll(code, board(), "open-washer@1");
    hub.post("/api/v1/claims", carol.token(), "{\"claimCode\":\"" + code + "\"}");

    assertProblem(
        hub.post("/api/v1/claims", mallory.token(), "{\"claimCode\":\"" + code + "\"}"),
        404,
        "not-found");
    assertProblem(
        hub.post("/api/v1/claims", mallory.token(), "{\"claimCode\":\"ZZZZ-ZZZZ\"}"),
        404,
        "not-found");
    var malformed =
        assertProblem(
            hub.post("/api/v1/claims", mallory.token(), "{\"claimCode\":\"nope\"}"),
            400,
            "bad-request");
    assertThat(malformed.get("errors").get(0).get("pointer").asText()).isEqualTo("/claimCode");
    assertProblem(
        hub.post("/api/v1/claims", null, "{\"claimCode\":\"" + code + "\"}"), 401, "unauthorized");
  }

  @Test
  void aCodeAlreadyUsedByAnotherBoardIsAConflict() {
    var dave = hub.owner("dave");
    String code = ownerCode(dave);
    enroll(code, board(), "open-washer@1");
    assertProblem(enroll(code, board(), "open-washer@1"), 409, "claim-code-taken");
  }

  @Test
  void malformedRequestsAreRefusedNamingTheField() {
    String code = ClaimCode.generate(new SecureRandom()).value();
    var badHardware =
        assertProblem(enroll(code, "has spaces", "open-washer@1"), 400, "bad-request");
    assertThat(badHardware.get("errors").get(0).get("pointer").asText()).isEqualTo("/hardwareId");
    var badProfile = assertProblem(enroll(code, board(), "washer"), 400, "bad-request");
    assertThat(badProfile.get("errors").get(0).get("pointer").asText()).isEqualTo("/profile");
    var badCode = assertProblem(enroll("K7M2-9QXU", board(), "open-washer@1"), 400, "bad-request");
    assertThat(badCode.get("errors").get(0).get("pointer").asText()).isEqualTo("/claimCode");
    var missing =
        assertProblem(
            hub.post("/api/v1/enrollments", null, "{\"claimCode\":\"" + code + "\"}"),
            400,
            "bad-request");
    assertThat(missing.get("errors").get(0).get("pointer").asText()).isEqualTo("/hardwareId");
    var duplicate =
        hub.post(
            "/api/v1/enrollments",
            null,
            "{\"claimCode\":\"" + code + "\",\"claimCode\":\"" + code + "\"}");
    assertProblem(duplicate, 400, "bad-request");
    assertProblem(enroll(code, board(), "open-toaster@1"), 400, "unknown-profile");
  }

  @Test
  void tooManyRequestsFromOneAddressAreRefusedWithRetryAfter() {
    try (var small =
        ApiTestHub.start(
            r -> r.enrollPerAddress(RateLimit.of(2, Duration.ofMinutes(1))), a -> {})) {
      for (int i = 0; i < 2; i++) {
        assertThat(
                small
                    .post(
                        "/api/v1/enrollments",
                        null,
                        "{\"claimCode\":\"AAAA-AAA"
                            + i
                            + "\",\"hardwareId\":\"b"
                            + i
                            + "\",\"profile\":\"open-washer@1\",\"agentVersion\":\"1.0.0\"}")
                    .statusCode())
            .isEqualTo(202);
      }
      var refused =
          small.post(
              "/api/v1/enrollments",
              null,
              "{\"claimCode\":\"AAAA-AAA9\",\"hardwareId\":\"b9\",\"profile\":\"open-washer@1\","
                  + "\"agentVersion\":\"1.0.0\"}");
      assertProblem(refused, 429, "too-many-requests");
      assertThat(refused.getHeader("Retry-After")).isEqualTo("60");
    }
  }
}
