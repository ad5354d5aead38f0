package dev.hearth.bench.coap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hearth.hub.gateway.coap.PlainArtifactServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * B4's Hearth side end to end on a small artifact: the hub's resource on a loopback port, the
 * agent's fetcher downloading it block-wise, the same bytes at the end.
 */
class CoapDownloadSmokeTest {

  @TempDir Path dir;

  @Test
  void downloadsTheSameBytesBlockWise() throws Exception {
    byte[] bytes = new byte[20 * 1024 + 123];
    new Random(4).nextBytes(bytes);
    Path file = Files.write(dir.resolve("artifact.bin"), bytes);
    FileArtifacts artifacts = new FileArtifacts(file);
    Path work = Files.createDirectories(dir.resolve("work"));
    try (PlainArtifactServer server = PlainArtifactServer.start(artifacts, "127.0.0.1", 0)) {
      URI url =
          URI.create("coap://127.0.0.1:" + server.port() + "/artifacts/" + artifacts.sha256());

      DownloadResult result =
          new Downloads(url, artifacts.sha256(), bytes.length, 1024, work).run(1, 3);

      assertThat(result.downloads()).isEqualTo(3);
      assertThat(result.micros().getTotalCount()).isEqualTo(3);
      assertThat(result.medianRate()).isPositive();
      assertThat(result.resultLine()).startsWith("RESULT bytes=" + bytes.length + " downloads=3 ");
      assertThat(Files.readAllBytes(work.resolve("download.partial"))).isEqualTo(bytes);
    }
  }

  @Test
  void aWrongHashFailsTheDownload() throws Exception {
    Path file = Files.write(dir.resolve("artifact.bin"), new byte[3000]);
    FileArtifacts artifacts = new FileArtifacts(file);
    try (PlainArtifactServer server = PlainArtifactServer.start(artifacts, "127.0.0.1", 0)) {
      URI url =
          URI.create("coap://127.0.0.1:" + server.port() + "/artifacts/" + artifacts.sha256());
      Downloads downloads = new Downloads(url, "0".repeat(64), 3000, 1024, dir);

      assertThatThrownBy(() -> downloads.run(1, 1)).hasMessageContaining("SHA-256");
    }
  }
}
