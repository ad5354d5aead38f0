package dev.hearth.agent.update;

import java.net.URI;
import java.nio.file.Path;

/**
 * Fetches an artifact from one URL into a partial file, resuming from what the file already holds:
 * the seam between the update engine and a transport (HTTP with {@code Range}, CoAP block-wise).
 * Implementations live in adapter packages and are named after their technology.
 *
 * <p>Integrity is not the fetcher's business: the engine checks size and hash against the signed
 * manifest afterwards. A fetcher only promises to append the bytes the server sends after those on
 * disk, to truncate the file where resuming needs it, and to stop writing one byte past {@code
 * size}, so that an endless artifact cannot fill the board's disk.
 */
public interface ArtifactFetcher {

  /** Whether this fetcher speaks {@code url}'s scheme. */
  boolean fetches(URI url);

  /**
   * Appends the rest of the artifact at {@code url} to {@code partial} (created if missing).
   *
   * @param size the artifact's size according to the verified manifest
   * @param progress told how many bytes the partial file holds, as they arrive
   * @return complete when the server sent the whole artifact; failed (with why) otherwise, the
   *     bytes so far kept on disk for the next attempt
   * @throws InterruptedException when the engine stops
   */
  FetchOutcome fetch(URI url, Path partial, long size, FetchProgress progress)
      throws InterruptedException;

  /** Told the number of bytes on disk as a download proceeds. */
  @FunctionalInterface
  interface FetchProgress {
    void onDisk(long bytes);
  }
}
