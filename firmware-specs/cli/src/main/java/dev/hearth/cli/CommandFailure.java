package dev.hearth.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * Why a command stopped, with the exit code it stops with. Commands throw it; {@link HearthCli}
 * prints the message once, at the edge. Expected outcomes such as a rejected verdict are not
 * failures: commands print them and return {@link Exit#FAILED}.
 */
public final class CommandFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int exitCode;

  private CommandFailure(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  /** The command line, or the content of a file named on it, cannot be used. */
  public static CommandFailure usage(String message) {
    return new CommandFailure(Exit.USAGE, message, null);
  }

  /** A check failed in a way that stops the command (e.g. refusing to pack a broken bundle). */
  public static CommandFailure failed(String message) {
    return new CommandFailure(Exit.FAILED, message, null);
  }

  /**
   * {@code file} could not be read or written.
   *
   * @param doing what was being done, e.g. {@code "read"} or {@code "write"}
   */
  public static CommandFailure io(String doing, Path file, IOException cause) {
    return new CommandFailure(Exit.IO, describe(doing, file, cause), cause);
  }

  /** An I/O failure already described. */
  public static CommandFailure io(String message, Throwable cause) {
    return new CommandFailure(Exit.IO, message, cause);
  }

  public int exitCode() {
    return exitCode;
  }

  private static String describe(String doing, Path file, IOException e) {
    if (e instanceof NoSuchFileException) {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null && !Files.isDirectory(parent)) {
        return "cannot " + doing + " " + file + ": folder " + parent + " does not exist";
      }
      return "cannot " + doing + " " + file + ": no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "cannot " + doing + " " + file + ": permission denied";
    }
    if (e instanceof FileAlreadyExistsException) {
      return "cannot " + doing + " " + file + ": it already exists";
    }
    if (e instanceof NotDirectoryException) {
      return "cannot " + doing + " " + file + ": a parent is not a folder";
    }
    String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return "cannot " + doing + " " + file + ": " + reason;
  }
}
