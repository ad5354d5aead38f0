package dev.hearth.agent.enroll;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces a file so that a reader, or the board after a power cut, sees either the old content or
 * the new, never a torn mix: write a temporary file beside it, fsync it, rename it over the target,
 * fsync the folder.
 */
final class AtomicFiles {

  private static final Logger LOG = LoggerFactory.getLogger(AtomicFiles.class);

  private static final FileAttribute<?> OWNER_ONLY =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

  private AtomicFiles() {}

  /**
   * Writes {@code content} to {@code target} atomically, readable and writable by its owner only
   * (0600) where the file system has POSIX permissions.
   *
   * <p>When the agent writes as root (an admin ran {@code sudo hearth-agent enroll}, or first boot
   * ran as a root service), the file is given to the owner of its folder, the {@code hearth} user
   * on a board, so that the agent can read what it stored.
   */
  static void write(Path target, byte[] content) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Path temp = createTemp(dir, target.getFileName().toString());
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      giveToFolderOwner(temp, dir);
      try {
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        // Same folder, so only exotic file systems get here; a plain replace is the best they do.
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      syncFolder(dir);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Makes the rename of a file in {@code dir} durable; a no-op where folders cannot be synced. */
  static void syncFolder(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // vfat (the boot partition) and some others refuse; the rename is then as durable as the
      // file system makes it.
      LOG.debug("cannot sync folder {}: {}", dir, e.toString());
    }
  }

  private static Path createTemp(Path dir, String name) throws IOException {
    try {
      // Created 0600 from the start: no moment in which another user could open it.
      return Files.createTempFile(dir, "." + name + ".", ".tmp", OWNER_ONLY);
    } catch (UnsupportedOperationException e) {
      return Files.createTempFile(dir, "." + name + ".", ".tmp");
    }
  }

  private static void giveToFolderOwner(Path file, Path dir) throws IOException {
    PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
    if (view == null) {
      return;
    }
    PosixFileAttributes folder = Files.readAttributes(dir, PosixFileAttributes.class);
    PosixFileAttributes mine = view.readAttributes();
    if (mine.owner().equals(folder.owner()) && mine.group().equals(folder.group())) {
      return;
    }
    try {
      view.setOwner(folder.owner());
      view.setGroup(folder.group());
    } catch (FileSystemException e) {
      // Not root: the file stays ours, which is right when we are the agent's own user.
      LOG.debug("cannot give {} to {}: {}", file, folder.owner(), e.toString());
    }
  }
}
