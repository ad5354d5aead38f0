package dev.hearth.agent.link.outbox;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The outbox could not read or write its files. The message names the path and what to check; the
 * cause is the I/O error.
 */
public final class OutboxException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  OutboxException(String doing, Path path, IOException cause) {
    super(
        "outbox: cannot "
            + doing
            + " in "
            + path
            + " ("
            + cause
            + "); check that the directory exists, is writable by the agent's user and that"
            + " the disk is not full",
        cause);
  }
}
