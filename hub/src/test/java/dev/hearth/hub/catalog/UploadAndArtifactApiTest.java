package dev.hearth.hub.catalog;

import static dev.hearth.hub.catalog.CatalogTestHub.assertProblem;
import static dev.hearth.hub.catalog.CatalogTestHub.body;
import static dev.hearth.hub.catalog.CatalogTestHub.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Artifacts arrive by resumable upload, checked against what was announced before they are kept,
 * and leave by HTTP with byte ranges.
 */
class UploadAndArtifactApiTest {

  private static final int LIMIT = 256 * 1024;

  private CatalogTestHub hub;
  private CatalogTestHub.Session alice;

  @BeforeEach
  void start() {
    hub =
        CatalogTestHub.start(
            config -> config.maxArtifactBytes(LIMIT).uploadIdleTimeout(Duration.ofMillis(400)));
    alice = hub.account("alice");
  }

  @AfterEach
  void stop() {
    hub.close();
  }

  @Test
  void anUploadCutOffHalfWayResumesFromWhatArrivedAndEndsWithIdenticalBytes() throws Exception {
    byte[] artifact = randomBytes(200_000);
    String sha256 = Community.sha256(artifact);
    JsonNode opened = open(sha256, artifact.length);
    String id = opened.get("id").asText();
    assertThat(opened.get("offset").asLong()).isZero();

    // The client dies after sending half of the chunk it announced.
    int sent = 100_000;
    try (Socket socket = new Socket("127.0.0.1", hub.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("PATCH /api/v1/uploads/"
                  + id
                  + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                  + alice.token()
                  + "\r\nUpload-Offset: 0\r\nContent-Type: application/offset+octet-stream"
                  + "\r\nContent-Length: "
                  + artifact.length
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(artifact, 0, sent);
      out.flush();
      awaitOffset(id, sent);
    }

    // Asking again finds the same upload where it stands, and the rest completes it.
    JsonNode again = open(sha256, artifact.length);
    assertThat(again.get("id").asText()).isEqualTo(id);
    long offset = awaitOffset(id, sent);
    var done =
        hub.patch(
            id, alice.token(), offset, Arrays.copyOfRange(artifact, (int) offset, artifact.length));
    assertThat(done.statusCode()).as(body(done)).isEqualTo(200);
    assertThat(json(done).get("complete").asBoolean()).isTrue();

    var download = hub.get("/api/v1/artifacts/" + sha256, null);
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(Community.sha256(download.body())).isEqualTo(sha256);
    assertThat(download.body()).isEqualTo(artifact);
    assertThat(open(sha256, artifact.length).get("complete").asBoolean()).isTrue();
  }

  @Test
  void aClientThatStopsSendingWithoutClosingLosesItsConnectionNotItsBytes() throws Exception {
    byte[] artifact = randomBytes(50_000);
    String id = open(Community.sha256(artifact), artifact.length).get("id").asText();
    try (Socket socket = new Socket("127.0.0.1", hub.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("PATCH /api/v1/uploads/"
                  + id
                  + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                  + alice.token()
                  + "\r\nUpload-Offset: 0\r\nContent-Length: "
                  + artifact.length
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(artifact, 0, 20_000);
      out.flush();
      socket.setSoTimeout(5_000);
      // The hub closes the stalled connection after its idle timeout (400 ms here).
      assertThat(socket.getInputStream().read()).isEqualTo(-1);
    }

    long offset = awaitOffset(id, 20_000);
    var done =
        hub.patch(id, alice.token(), offset, Arrays.copyOfRange(artifact, 20_000, artifact.length));
    assertThat(json(done).get("complete").asBoolean()).isTrue();
  }

  @Test
  void bytesThatDoNotHaveTheAnnouncedHashAreDiscarded() {
    byte[] artifact = randomBytes(10_000);
    byte[] tampered = artifact.clone();
    tampered[5_000] ^= 1;
    String sha256 = Community.sha256(artifact);
    String id = open(sha256, artifact.length).get("id").asText();

    var problem =
        assertProblem(hub.patch(id, alice.token(), 0, tampered), 422, "artifact-mismatch");

    assertThat(problem.get("detail").asText()).contains(sha256).contains("discarded");
    assertThat(hub.get("/api/v1/artifacts/" + sha256, null).statusCode()).isEqualTo(404);
    assertThat(head("/api/v1/uploads/" + id).statusCode()).isEqualTo(404);
  }

  @Test
  void uploadsLargerThanTheLimitAreRefusedBeforeAndWhileTheyArrive() {
    assertProblem(
        hub.post(
            "/api/v1/uploads",
            alice.token(),
            "{\"sha256\":\"" + "a".repeat(64) + "\",\"size\":" + (LIMIT + 1) + "}"),
        413,
        "payload-too-large");

    byte[] artifact = randomBytes(1_000);
    String id = open(Community.sha256(artifact), artifact.length).get("id").asText();
    var problem =
        assertProblem(
            hub.patch(id, alice.token(), 0, randomBytes(1_500)), 413, "payload-too-large");
    assertThat(problem.get("detail").asText()).contains("announced size of 1000 bytes");
  }

  @Test
  void aChunkMustStartWhereTheUploadStands() {
    byte[] artifact = randomBytes(4_000);
    String id = open(Community.sha256(artifact), artifact.length).get("id").asText();
    assertThat(hub.patch(id, alice.token(), 0, Arrays.copyOf(artifact, 1_000)).statusCode())
        .isEqualTo(200);

    var wrong = hub.patch(id, alice.token(), 500, Arrays.copyOfRange(artifact, 500, 4_000));

    assertProblem(wrong, 409, "upload-offset-mismatch");
    assertThat(wrong.headers().firstValue("Upload-Offset")).hasValue("1000");
    assertThat(head("/api/v1/uploads/" + id).headers().firstValue("Upload-Offset"))
        .hasValue("1000");
  }

  @Test
  void anotherAccountsUploadIsNotThere() {
    byte[] artifact = randomBytes(100);
    String id = open(Community.sha256(artifact), artifact.length).get("id").asText();
    var mallory = hub.account("mallory");

    assertProblem(hub.patch(id, mallory.token(), 0, artifact), 404, "not-found");
    assertProblem(hub.patch(id, null, 0, artifact), 401, "unauthorized");
  }

  @Test
  void artifactsAreServedWithByteRangesAndAStrongEtag() {
    byte[] artifact = randomBytes(5_000);
    String sha256 = Community.sha256(artifact);
    hub.upload(alice, artifact);
    String path = "/api/v1/artifacts/" + sha256;

    var whole = hub.get(path, null);
    assertThat(whole.statusCode()).isEqualTo(200);
    assertThat(whole.headers().firstValue("ETag")).hasValue("\"" + sha256 + "\"");
    assertThat(whole.headers().firstValue("Accept-Ranges")).hasValue("bytes");

    var part = range(path, "bytes=1000-1999");
    assertThat(part.statusCode()).isEqualTo(206);
    assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 1000-1999/5000");
    assertThat(part.body()).isEqualTo(Arrays.copyOfRange(artifact, 1000, 2000));

    var rest = range(path, "bytes=4500-");
    assertThat(rest.body()).isEqualTo(Arrays.copyOfRange(artifact, 4500, 5000));
    var tail = range(path, "bytes=-10");
    assertThat(tail.headers().firstValue("Content-Range")).hasValue("bytes 4990-4999/5000");

    var outside = range(path, "bytes=5000-");
    assertProblem(outside, 416, "range-not-satisfiable");
    assertThat(outside.headers().firstValue("Content-Range")).hasValue("bytes */5000");

    var headOnly = head(path);
    assertThat(headOnly.statusCode()).isEqualTo(200);
    assertThat(headOnly.headers().firstValue("Content-Length")).hasValue("5000");
    assertThat(headOnly.body()).isEmpty();

    var cached =
        hub.send(
            HttpRequest.newBuilder(hub.uri(path))
                .header("If-None-Match", "\"" + sha256 + "\"")
                .GET()
                .build());
    assertThat(cached.statusCode()).isEqualTo(304);

    assertProblem(hub.get("/api/v1/artifacts/" + "0".repeat(64), null), 404, "not-found");
    assertProblem(hub.get("/api/v1/artifacts/..%2F..%2Fetc", null), 404, "not-found");
  }

  private JsonNode open(String sha256, long size) {
    var response =
        hub.post(
            "/api/v1/uploads",
            alice.token(),
            "{\"sha256\":\"" + sha256 + "\",\"size\":" + size + "}");
    assertThat(response.statusCode()).as(body(response)).isIn(200, 201);
    return json(response);
  }

  /** Waits until the hub has settled the broken transfer and stands at {@code expected}. */
  private long awaitOffset(String id, long expected) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    long offset = -1;
    while (System.nanoTime() < deadline) {
      offset =
          Long.parseLong(
              head("/api/v1/uploads/" + id).headers().firstValue("Upload-Offset").orElse("-1"));
      if (offset == expected) {
        return offset;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("upload " + id + " stands at " + offset + ", expected " + expected);
  }

  private HttpResponse<byte[]> head(String path) {
    return hub.send(
        HttpRequest.newBuilder(hub.uri(path))
            .timeout(Duration.ofSeconds(10))
            .header("Authorization", "Bearer " + alice.token())
            .method("HEAD", HttpRequest.BodyPublishers.noBody())
            .build());
  }

  private HttpResponse<byte[]> range(String path, String range) {
    return hub.send(HttpRequest.newBuilder(hub.uri(path)).header("Range", range).GET().build());
  }

  private static byte[] randomBytes(int size) {
    byte[] bytes = new byte[size];
    new Random(size).nextBytes(bytes);
    return bytes;
  }
}
