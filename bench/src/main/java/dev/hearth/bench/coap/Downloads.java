package dev.hearth.bench.coap;

import dev.hearth.agent.update.FetchOutcome;
import dev.hearth.agent.update.californium.CaliforniumArtifactFetcher;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.HdrHistogram.Histogram;

/**
 * Downloads one artifact again and again with the agent's {@link CaliforniumArtifactFetcher}, each
 * time into an empty partial file, timing each whole fetch (the fetcher's own endpoint set up and
 * torn down included, as for every artifact on a board) and checking the bytes' SHA-256 after it,
 * outside the timed span.
 */
public final class Downloads {

  private final CaliforniumArtifactFetcher fetcher;
  private final URI url;
  private final String sha256;
  private final long size;
  private final Path partial;

  /**
   * @param blockSize the block size the fetcher asks for
   * @param work where the partial file is written
   */
  public Downloads(URI url, String sha256, long size, int blockSize, Path work) {
    this.fetcher = CaliforniumArtifactFetcher.builder().blockSize(blockSize).build();
    this.url = url;
    this.sha256 = sha256;
    this.size = size;
    this.partial = work.resolve("download.partial");
  }

  /**
   * Runs {@code warmup} untimed downloads (the first one's time is kept apart: a board downloads
   * with a cold JVM), then {@code count} timed ones.
   *
   * @throws IOException when a download fails or ends with other bytes
   */
  public DownloadResult run(int warmup, int count) throws IOException, InterruptedException {
    Histogram micros = new Histogram(3_600_000_000L, 3);
    long first = once();
    for (int i = 1; i < warmup; i++) {
      once();
    }
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      micros.recordValue(once() / 1000);
    }
    return new DownloadResult(size, count, first / 1000, micros, System.nanoTime() - start);
  }

  /** One download from nothing; its duration in nanoseconds. */
  long once() throws IOException, InterruptedException {
    Files.deleteIfExists(partial);
    long t0 = System.nanoTime();
    FetchOutcome outcome = fetcher.fetch(url, partial, size, bytes -> {});
    long took = System.nanoTime() - t0;
    if (outcome instanceof FetchOutcome.Failed failed) {
      throw new IOException("download failed: " + failed.detail());
    }
    String got = FileArtifacts.sha256(partial);
    if (Files.size(partial) != size || !got.equals(sha256)) {
      throw new IOException(
          "downloaded " + Files.size(partial) + " bytes with SHA-256 " + got + ", not " + sha256);
    }
    return took;
  }
}
