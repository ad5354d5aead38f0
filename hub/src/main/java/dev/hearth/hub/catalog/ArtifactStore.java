package dev.hearth.hub.catalog;

import dev.hearth.specs.manifest.Sha256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Artifacts on disk, named by the SHA-256 of their bytes: {@code <dir>/ab/cdef…} for a digest
 * starting {@code abcdef}. A file is only ever added whole (verified, fsynced, then renamed into
 * place), never changed, so a name always means the same bytes; readers (HTTP ranges, CoAP blocks)
 * need no locking.
 */
public final class ArtifactStore {

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final int CHUNK = 64 * 1024;

  private final Path dir;

  /**
   * @param dir the store's folder; created when missing
   * @throws UncheckedIOException when it cannot be created
   */
  public ArtifactStore(Path dir) {
    this.dir = dir;
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the artifact folder " + dir, e);
    }
  }

  /**
   * A stored artifact.
   *
   * @param sha256 its name
   * @param path the file
   * @param size its length in bytes
   */
  public record StoredArtifact(String sha256, Path path, long size) {}

  /** Whether {@code text} is a SHA-256 in lower-case hex, the only names artifacts have. */
  public static boolean isSha256(String text) {
    return text != null && SHA256.matcher(text).matches();
  }

  /** The artifact named {@code sha256}, if stored; empty for anything that is not a name. */
  public Optional<StoredArtifact> find(String sha256) {
    if (!isSha256(sha256)) {
      return Optional.empty();
    }
    Path file = pathOf(sha256);
    try {
      return Optional.of(new StoredArtifact(sha256, file, Files.size(file)));
    } catch (java.nio.file.NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read artifact " + sha256, e);
    }
  }

  /**
   * Reads a whole artifact into memory; for bundles, which are small by definition.
   *
   * @throws CatalogException {@code TOO_LARGE} when it is larger than {@code maxBytes}
   */
  public byte[] read(StoredArtifact artifact, long maxBytes) {
    if (artifact.size() > maxBytes) {
      throw new CatalogException(
          CatalogException.Kind.TOO_LARGE,
          "artifact " + artifact.sha256() + " is larger than " + maxBytes + " bytes");
    }
    try {
      return Files.readAllBytes(artifact.path());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read artifact " + artifact.sha256(), e);
    }
  }

  /**
   * Moves {@code file}, whose SHA-256 the caller has verified to be {@code sha256}, into the store:
   * forces it to disk, renames it atomically into place and forces the folder, so after a crash the
   * artifact is either absent or whole. Adopting an artifact that is already stored keeps the
   * stored one.
   */
  public StoredArtifact adopt(Path file, String sha256) {
    if (!isSha256(sha256)) {
      throw new IllegalArgumentException("not a SHA-256: " + sha256);
    }
    Path target = pathOf(sha256);
    try {
      force(file, false);
      Files.createDirectories(target.getParent());
      if (Files.exists(target)) {
        Files.delete(file);
      } else {
        try {
          Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          throw new IOException(
              "the upload and artifact folders must be on one file system: " + e.getMessage(), e);
        }
        force(target.getParent(), true);
      }
      return new StoredArtifact(sha256, target, Files.size(target));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store artifact " + sha256, e);
    }
  }

  /** The lower-case hex SHA-256 of a file, read as a stream. */
  public static String sha256Of(Path file) {
    try {
      return Sha256.ofFile(file).sha256();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private Path pathOf(String sha256) {
    return dir.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2));
  }

  private static void force(Path path, boolean directory) throws IOException {
    try (FileChannel channel =
        FileChannel.open(path, directory ? StandardOpenOption.READ : StandardOpenOption.WRITE)) {
      channel.force(true);
    } catch (IOException e) {
      if (!directory) {
        throw e;
      }
      // Some file systems cannot open a folder for fsync; the rename is still atomic there.
    }
  }
}
