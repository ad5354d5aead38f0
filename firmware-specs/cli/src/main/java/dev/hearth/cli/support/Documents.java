package dev.hearth.cli.support;

import dev.hearth.cli.CommandFailure;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/** Reading and writing the files named on the command line; failures become exit code 3. */
public final class Documents {

  private Documents() {}

  /** The bytes of {@code file}. */
  public static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw CommandFailure.io("read", file, e);
    }
  }

  /**
   * Replaces {@code file} with {@code content} atomically where the file system allows it: a
   * reader, or a crash half-way, sees the old or the new document, never a mix. Missing folders are
   * created.
   */
  public static void replace(Path file, byte[] content) {
    Path dir = file.toAbsolutePath().getParent();
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw CommandFailure.io("create the folder of", file, e);
    }
    // A sibling, so the move is a rename; created with the default permissions, not 0600.
    Path temp = dir.resolve("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
    try {
      Files.write(temp, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      deleteQuietly(temp);
      throw CommandFailure.io("write", file, e);
    }
  }

  /**
   * Refuses to go on when {@code file} exists.
   *
   * @param fix what the person can do instead, e.g. "pass --force to replace it"
   */
  public static void requireAbsent(Path file, String fix) {
    if (Files.exists(file)) {
      throw CommandFailure.io(
          "refusing to overwrite " + file + ", which already exists; " + fix, null);
    }
  }

  private static void deleteQuietly(Path temp) {
    if (temp != null) {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException ignored) {
        // the write failed already; that is the error to report
      }
    }
  }
}
