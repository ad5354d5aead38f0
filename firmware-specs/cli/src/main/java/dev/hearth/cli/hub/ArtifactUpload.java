package dev.hearth.cli.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.hearth.cli.CommandFailure;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.net.http.HttpRequest;
import java.nio.file.Path;

/**
 * Sends an artifact to the hub's resumable uploads: announces its SHA-256 and size, learns how much
 * the hub already has (an earlier, interrupted push), and sends the rest in chunks. A broken
 * connection is answered by asking the hub again and going on from there, a few times; if the
 * command itself dies, running it again continues the same way. The hub checks the SHA-256 of the
 * whole.
 */
public final class ArtifactUpload {

  /** Bytes per request: small enough to lose little to a broken connection. */
  public static final int DEFAULT_CHUNK_BYTES = 1024 * 1024;

  private static final int RETRIES = 5;

  private final HubClient hub;
  private final Path file;
  private final String sha256;
  private final long size;
  private final int chunkBytes;
  private final PrintWriter out;
  private final Progress.Mode mode;

  public ArtifactUpload(
      HubClient hub,
      Path file,
      String sha256,
      long size,
      int chunkBytes,
      PrintWriter out,
      Progress.Mode mode) {
    this.hub = hub;
    this.file = file;
    this.sha256 = sha256;
    this.size = size;
    this.chunkBytes = chunkBytes;
    this.out = out;
    this.mode = mode;
  }

  /** Uploads until the hub has the artifact. */
  public void run() {
    JsonNode state = open();
    if (state.path("complete").asBoolean()) {
      out.println("artifact " + sha256 + " is on the hub already");
      return;
    }
    String id = state.path("id").asText();
    long offset = state.path("offset").asLong();
    if (offset > 0) {
      out.println(resuming(id, offset));
    }
    Progress progress = Progress.of(mode, out, size);
    progress.update(offset);
    int failures = 0;
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      while (true) {
        byte[] chunk = new byte[(int) Math.min(chunkBytes, size - offset)];
        in.seek(offset);
        in.readFully(chunk);
        HubClient.Response response;
        try {
          response = hub.send(patch(id, offset, chunk));
        } catch (IOException e) {
          if (++failures > RETRIES) {
            throw CommandFailure.io(
                "the upload broke off at byte "
                    + offset
                    + " of "
                    + size
                    + " ("
                    + e.getMessage()
                    + "); run the same command again to resume",
                e);
          }
          out.println("connection lost (" + e.getMessage() + "); asking the hub where to resume");
          response = null;
        }
        if (response == null || response.status() == 409) {
          // The connection broke, or the hub still settles the broken transfer, or we were
          // behind: ask where the upload stands and go on from there.
          if (response != null && ++failures > RETRIES) {
            throw CommandFailure.failed(response.problem());
          }
          pause(failures);
          JsonNode again = open();
          if (again.path("complete").asBoolean()) {
            break;
          }
          offset = again.path("offset").asLong();
          out.println(resuming(id, offset));
          continue;
        }
        JsonNode now = response.requireOk().json();
        failures = 0;
        offset = now.path("offset").asLong();
        progress.update(offset);
        if (now.path("complete").asBoolean()) {
          break;
        }
      }
    } catch (IOException e) {
      throw CommandFailure.io("read", file, e);
    }
    progress.finish();
  }

  private String resuming(String id, long offset) {
    return "resuming upload " + id + " at byte " + offset + " of " + size;
  }

  private JsonNode open() {
    var body = JsonNodeFactory.instance.objectNode().put("sha256", sha256).put("size", size);
    return hub.json("POST", "/api/v1/uploads", body).requireOk().json();
  }

  private HttpRequest patch(String id, long offset, byte[] chunk) {
    return hub.request("/api/v1/uploads/" + id)
        .header("Content-Type", "application/offset+octet-stream")
        .header("Upload-Offset", Long.toString(offset))
        .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(chunk))
        .build();
  }

  private static void pause(int failures) {
    try {
      Thread.sleep(Math.min(2_000, 50L << failures));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw CommandFailure.io("interrupted", e);
    }
  }
}
