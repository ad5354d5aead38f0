package dev.hearth.hub.catalog;

import dev.hearth.hub.catalog.store.CatalogUploads;
import dev.hearth.hub.catalog.store.UploadRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resumable artifact uploads. An upload announces its SHA-256 and size first (refused above the
 * size limit), then receives chunks, each starting exactly where the bytes received so far end. The
 * bytes received so far are the part file's length, so an interrupted transfer, even one cut in the
 * middle of a chunk, continues from what reached the disk. When the last byte arrives the file is
 * checked against the announced SHA-256 and only then moved into the {@link ArtifactStore}; a
 * mismatch discards it.
 *
 * <p>One transfer per upload at a time (in this hub instance): a second one waits for the first to
 * end, for its bytes decide the offset.
 */
public final class Uploads {

  /**
   * How long a status waits for a transfer in flight to end (a broken one ends in milliseconds).
   */
  static final java.time.Duration TRANSFER_END_WAIT = java.time.Duration.ofSeconds(5);

  private final CatalogUploads uploads;
  private final ArtifactStore artifacts;
  private final Path staging;
  private final long maxBytes;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Transfer> active = new ConcurrentHashMap<>();

  Uploads(
      CatalogUploads uploads, ArtifactStore artifacts, Path staging, long maxBytes, Clock clock) {
    this.uploads = uploads;
    this.artifacts = artifacts;
    this.staging = staging;
    this.maxBytes = maxBytes;
    this.clock = clock;
    try {
      Files.createDirectories(staging);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the upload folder " + staging, e);
    }
  }

  /** The most bytes an artifact may have. */
  public long maxBytes() {
    return maxBytes;
  }

  /**
   * Opens an upload of {@code size} bytes with {@code sha256}, or finds the one the account already
   * has open for it, or reports the artifact complete when the hub has it already.
   *
   * @throws CatalogException {@code INVALID} for a malformed digest or size, {@code TOO_LARGE}
   *     above the limit
   */
  public UploadState open(String ownerId, String sha256, long size) {
    if (!ArtifactStore.isSha256(sha256)) {
      throw CatalogException.invalid("/sha256", "must be a SHA-256 in 64 lower-case hex digits");
    }
    if (size < 0) {
      throw CatalogException.invalid("/size", "must be 0 or more bytes");
    }
    if (size > maxBytes) {
      throw new CatalogException(
          CatalogException.Kind.TOO_LARGE,
          "an artifact of " + size + " bytes is larger than this hub accepts (" + maxBytes + ")");
    }
    var stored = artifacts.find(sha256);
    if (stored.isPresent()) {
      if (stored.get().size() != size) {
        throw new CatalogException(
            CatalogException.Kind.ARTIFACT_MISMATCH,
            "the hub has the artifact with SHA-256 "
                + sha256
                + " and it is "
                + stored.get().size()
                + " bytes, not "
                + size);
      }
      return new UploadState(null, sha256, size, size, true);
    }
    UploadRecord record =
        uploads.openOrReuse(new UploadRecord(newId(), ownerId, sha256, size, clock.instant()));
    if (record.size() != size) {
      // Same bytes cannot have two sizes: the earlier announcement was wrong. Start over.
      discard(record);
      record =
          uploads.openOrReuse(new UploadRecord(newId(), ownerId, sha256, size, clock.instant()));
    }
    return state(record);
  }

  /**
   * Where an upload of {@code ownerId} stands.
   *
   * @throws CatalogException {@code NOT_FOUND} for an unknown upload or another account's
   */
  public UploadState status(String ownerId, String uploadId) {
    UploadRecord record = find(ownerId, uploadId);
    awaitTransferEnd(record.id());
    return state(record);
  }

  /**
   * A client whose connection broke asks where to resume at once, while the hub may still be
   * writing the bytes that did arrive: wait (briefly) for that transfer to end, so the answer
   * counts them.
   */
  private void awaitTransferEnd(String uploadId) {
    long deadline = System.nanoTime() + TRANSFER_END_WAIT.toNanos();
    while (active.containsKey(uploadId) && System.nanoTime() < deadline) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /**
   * Starts receiving a chunk at {@code offset}. The caller writes the chunk's bytes to {@link
   * Transfer#partFile()} from {@code offset} on, never beyond {@link Transfer#limit()}, and then
   * calls {@link #finish} (or {@link #abandon} when the chunk broke off).
   *
   * @throws CatalogException {@code NOT_FOUND}; {@code CONFLICT} while another transfer of the same
   *     upload runs; {@code UPLOAD_OFFSET} (with the right offset in the {@code Upload-Offset}
   *     header) when the chunk does not start where the upload stands
   */
  public Transfer begin(String ownerId, String uploadId, long offset) {
    UploadRecord record = find(ownerId, uploadId);
    Transfer transfer = new Transfer(record, partFile(record), offset);
    if (active.putIfAbsent(record.id(), transfer) != null) {
      throw CatalogException.conflict(
          "another transfer of upload " + record.id() + " is under way; retry when it has ended");
    }
    long received = received(record);
    if (offset != received) {
      active.remove(record.id(), transfer);
      throw new CatalogException(
          CatalogException.Kind.UPLOAD_OFFSET,
          "upload "
              + record.id()
              + " stands at byte "
              + received
              + ", not "
              + offset
              + "; send the chunk that starts there",
          java.util.List.of(),
          Map.of("Upload-Offset", Long.toString(received)));
    }
    return transfer;
  }

  /**
   * Ends a transfer whose bytes are on disk (flushed). When the upload is now whole, checks the
   * SHA-256 and stores the artifact.
   *
   * @throws CatalogException {@code ARTIFACT_MISMATCH} when the whole upload has another SHA-256;
   *     the upload is discarded and must start over
   */
  public UploadState finish(Transfer transfer) {
    try {
      UploadRecord record = transfer.record();
      long received = received(record);
      if (received < record.size()) {
        return new UploadState(record.id(), record.sha256(), record.size(), received, false);
      }
      String actual = ArtifactStore.sha256Of(transfer.partFile());
      if (received != record.size() || !actual.equals(record.sha256())) {
        discard(record);
        throw new CatalogException(
            CatalogException.Kind.ARTIFACT_MISMATCH,
            "the "
                + received
                + " bytes received have SHA-256 "
                + actual
                + ", not the announced "
                + record.sha256()
                + "; they were discarded, upload the artifact again");
      }
      artifacts.adopt(transfer.partFile(), record.sha256());
      uploads.delete(record.id());
      return new UploadState(record.id(), record.sha256(), record.size(), record.size(), true);
    } finally {
      active.remove(transfer.record().id(), transfer);
    }
  }

  /** Ends a transfer that broke off; what reached the disk counts. */
  public void abandon(Transfer transfer) {
    active.remove(transfer.record().id(), transfer);
  }

  /**
   * A chunk being received.
   *
   * @param record the upload
   * @param partFile where its bytes go
   * @param offset where this chunk starts
   */
  public record Transfer(UploadRecord record, Path partFile, long offset) {

    /** The byte the chunk may not reach: the announced size. */
    public long limit() {
      return record.size();
    }
  }

  private UploadRecord find(String ownerId, String uploadId) {
    return uploads
        .find(uploadId)
        .filter(u -> u.ownerId().equals(ownerId))
        .orElseThrow(() -> CatalogException.notFound("no upload " + uploadId + " of yours"));
  }

  private UploadState state(UploadRecord record) {
    return new UploadState(record.id(), record.sha256(), record.size(), received(record), false);
  }

  private long received(UploadRecord record) {
    try {
      return Files.size(partFile(record));
    } catch (NoSuchFileException e) {
      return 0;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read upload " + record.id(), e);
    }
  }

  private void discard(UploadRecord record) {
    try {
      Files.deleteIfExists(partFile(record));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete upload " + record.id(), e);
    }
    uploads.delete(record.id());
  }

  private Path partFile(UploadRecord record) {
    return staging.resolve(record.id() + ".part");
  }

  private String newId() {
    byte[] bytes = new byte[12];
    random.nextBytes(bytes);
    return "upl-" + HexFormat.of().formatHex(bytes);
  }
}
