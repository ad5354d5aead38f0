package dev.hearth.agent.update;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files that survive a power cut whole: the new content goes to a temporary file beside the target,
 * is forced to disk, renamed over the target, and the folder is forced so that the rename itself is
 * durable. A reader (or the next boot) sees the old content or the new, never a mix.
 */
final class DurableFiles {

  private static final Logger LOG = LoggerFactory.getLogger(DurableFiles.class);

  private DurableFiles() {}

  /** Replaces {@code target} with {@code content}. */
  static void write(Path target, byte[] content) throws IOException {
    Path temp = temporaryBeside(target);
    try {
      try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          out.write(buffer);
        }
        out.force(true);
      }
      replace(temp, target);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Replaces {@code target} with a copy of {@code source}. */
  static void copy(Path source, Path target) throws IOException {
    Path temp = temporaryBeside(target);
    try {
      try (InputStream in = Files.newInputStream(source);
          FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        byte[] chunk = new byte[64 * 1024];
        int n;
        while ((n = in.read(chunk)) > 0) {
          ByteBuffer buffer = ByteBuffer.wrap(chunk, 0, n);
          while (buffer.hasRemaining()) {
            out.write(buffer);
          }
        }
        out.force(true);
      }
      replace(temp, target);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Forces {@code file}'s content to disk. */
  static void force(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.force(true);
    }
  }

  /** Deletes {@code file} if it exists, durably. */
  static void delete(Path file) throws IOException {
    if (Files.deleteIfExists(file)) {
      syncFolder(file.toAbsolutePath().getParent());
    }
  }

  /** Makes renames and deletions in {@code dir} durable; a no-op where folders cannot be synced. */
  static void syncFolder(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Some file systems refuse to sync a folder; the rename is then as durable as they make it.
      LOG.debug("cannot sync folder {}: {}", dir, e.toString());
    }
  }

  private static Path temporaryBeside(Path target) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    return Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
  }

  private static void replace(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      // The temporary file is in the target's folder, so only exotic file systems get here.
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
    syncFolder(target.toAbsolutePath().getParent());
  }
}
