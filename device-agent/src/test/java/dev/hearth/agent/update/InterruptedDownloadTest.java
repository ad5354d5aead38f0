package dev.hearth.agent.update;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.agent.update.californium.CaliforniumArtifactFetcher;
import dev.hearth.agent.update.http.HttpArtifactFetcher;
import dev.hearth.specs.manifest.ManifestKind;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An interrupted device download resumes and ends with identical bytes (issue 5), over HTTP {@code
 * Range} and over CoAP block-wise, against the same 1 MiB: the server goes away mid-transfer, comes
 * back on the same port, and the fetch continues from what is on disk.
 */
class InterruptedDownloadTest {

  private static final byte[] ARTIFACT = new byte[1024 * 1024];

  static {
    new Random(5).nextBytes(ARTIFACT);
  }

  private static final String SHA = TestCommunity.sha256(ARTIFACT);

  @TempDir Path dir;

  @Test
  void overHttpTheDownloadResumesWithARangeAndEndsWithTheSameBytes() throws Exception {
    Path partial = dir.resolve("http.part");
    var fetcher = new HttpArtifactFetcher();
    var seen = new AtomicLong();
    int port;
    try (ArtifactServer hub = ArtifactServer.start()) {
      port = hub.port();
      hub.put(ARTIFACT);
      hub.cutNextAfter(300_000);
      FetchOutcome cut = fetcher.fetch(hub.url(SHA), partial, ARTIFACT.length, seen::set);
      assertThat(cut).isInstanceOf(FetchOutcome.Failed.class);
    }
    long kept = Files.size(partial);
    assertThat(kept).isEqualTo(300_000);
    assertThat(seen.get()).isEqualTo(kept);

    try (ArtifactServer back = ArtifactServer.start(port)) {
      back.put(ARTIFACT);
      FetchOutcome done = fetcher.fetch(back.url(SHA), partial, ARTIFACT.length, seen::set);
      assertThat(done).isInstanceOf(FetchOutcome.Complete.class);
      assertThat(back.ranges()).containsExactly("bytes=" + kept + "-");
    }
    assertThat(Files.readAllBytes(partial)).isEqualTo(ARTIFACT);
    assertThat(TestCommunity.sha256(Files.readAllBytes(partial))).isEqualTo(SHA);
  }

  @Test
  void overCoapTheDownloadResumesAtTheBlockAndEndsWithTheSameBytes() throws Exception {
    Path partial = dir.resolve("coap.part");
    var fetcher = CaliforniumArtifactFetcher.builder().blockTimeout(Duration.ofMillis(500)).build();
    int port;
    try (CoapArtifactServer hub = CoapArtifactServer.start(0)) {
      port = hub.port();
      hub.put(ARTIFACT);
      hub.fallSilentAfter(300);
      FetchOutcome cut = fetcher.fetch(hub.url(SHA), partial, ARTIFACT.length, bytes -> {});
      assertThat(cut).isInstanceOf(FetchOutcome.Failed.class);
      assertThat(((FetchOutcome.Failed) cut).detail()).contains("no answer");
    }
    assertThat(Files.size(partial)).isEqualTo(300 * 1024);

    try (CoapArtifactServer back = CoapArtifactServer.start(port)) {
      back.put(ARTIFACT);
      FetchOutcome done = fetcher.fetch(back.url(SHA), partial, ARTIFACT.length, bytes -> {});
      assertThat(done).isInstanceOf(FetchOutcome.Complete.class);
      assertThat(back.blocksAsked()).first().isEqualTo(300);
      assertThat(back.blocksAsked()).hasSize(1024 - 300);
    }
    assertThat(Files.readAllBytes(partial)).isEqualTo(ARTIFACT);
  }

  @Test
  void aPartialFileCutMidBlockResumesFromTheStartOfThatBlock() throws Exception {
    Path partial = dir.resolve("torn.part");
    Files.write(partial, java.util.Arrays.copyOf(ARTIFACT, 5000));
    try (CoapArtifactServer hub = CoapArtifactServer.start(0)) {
      hub.put(ARTIFACT);
      FetchOutcome done =
          CaliforniumArtifactFetcher.builder()
              .build()
              .fetch(hub.url(SHA), partial, ARTIFACT.length, bytes -> {});
      assertThat(done).isInstanceOf(FetchOutcome.Complete.class);
      assertThat(hub.blocksAsked()).first().isEqualTo(4);
    }
    assertThat(Files.readAllBytes(partial)).isEqualTo(ARTIFACT);
  }

  @Test
  void aServerThatIgnoresRangesSendsItAllAndTheFileStartsOver() throws Exception {
    Path partial = dir.resolve("norange.part");
    Files.write(partial, java.util.Arrays.copyOf(ARTIFACT, 1000));
    try (ArtifactServer hub = ArtifactServer.start()) {
      hub.put(ARTIFACT);
      hub.ignoreRanges();
      FetchOutcome done =
          new HttpArtifactFetcher().fetch(hub.url(SHA), partial, ARTIFACT.length, b -> {});
      assertThat(done).isInstanceOf(FetchOutcome.Complete.class);
    }
    assertThat(Files.readAllBytes(partial)).isEqualTo(ARTIFACT);
  }

  @Test
  void aServerThatStopsSendingIsGivenUpOnAfterTheStallTimeout() throws Exception {
    Path partial = dir.resolve("stalled.part");
    var fetcher = new HttpArtifactFetcher(HttpClient.newHttpClient(), Duration.ofMillis(300));
    try (ArtifactServer hub = ArtifactServer.start()) {
      hub.put(ARTIFACT);
      hub.holdAfter(100_000);
      long started = System.nanoTime();
      FetchOutcome stalled = fetcher.fetch(hub.url(SHA), partial, ARTIFACT.length, b -> {});
      assertThat(stalled).isInstanceOf(FetchOutcome.Failed.class);
      assertThat(((FetchOutcome.Failed) stalled).detail()).contains("no data for");
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }
    assertThat(Files.size(partial)).isEqualTo(100_000);
  }

  @Test
  void theEngineResumesACutDownloadByItselfAndInstallsTheSameBytes() throws Exception {
    var community = new TestCommunity();
    byte[] bundle = Bundles.washer("1.1.0");
    try (ArtifactServer hub = ArtifactServer.start();
        UpdateRig washer = UpdateRig.start(dir.resolve("state"), community)) {
      String sha = hub.put(bundle);
      hub.cutNextAfter(bundle.length / 2);
      washer.offer(UpdateRig.offer("d-1", community.programs("1.1.0", bundle), hub.url(sha)));
      JsonNode done = washer.events.awaitFinal("d-1");
      assertThat(done.path("state").asText()).isEqualTo("committed");
      assertThat(hub.ranges()).containsExactly("-", "bytes=" + bundle.length / 2 + "-");
      assertThat(Files.readAllBytes(washer.files.slots(ManifestKind.PROGRAM).artifact(Slot.A)))
          .isEqualTo(bundle);
    }
  }

  @Test
  void theNextUrlIsTriedWhenTheFirstFailsAndItResumesTheSameFile() throws Exception {
    var community = new TestCommunity();
    byte[] bundle = Bundles.washer("1.1.0");
    try (ArtifactServer http = ArtifactServer.start();
        CoapArtifactServer coap = CoapArtifactServer.start(0);
        UpdateRig washer = UpdateRig.start(dir.resolve("state"), community)) {
      String sha = http.put(bundle);
      coap.put(bundle);
      http.cutNextAfter(2048);
      washer.offer(
          UpdateRig.offer(
              "d-2", community.programs("1.1.0", bundle), http.url(sha), coap.url(sha)));
      JsonNode done = washer.events.awaitFinal("d-2");
      assertThat(done.path("state").asText()).isEqualTo("committed");
      assertThat(coap.blocksAsked()).first().isEqualTo(2);
    }
  }
}
