package dev.hearth.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/** The exit codes of every {@code hearth} command, listed in {@code hearth --help}. */
public final class Exit {

  /** The command did what was asked; a verdict was ACCEPTED, a check or simulation passed. */
  public static final int OK = 0;

  /** A verdict was rejected, a check found problems, a simulation failed. */
  public static final int FAILED = 1;

  /** The command line or an input file given on it cannot be used; nothing was changed. */
  public static final int USAGE = 2;

  /** A file could not be read or written (missing, not permitted, already exists). */
  public static final int IO = 3;

  /** A bug in hearth itself; the stack trace is printed. */
  public static final int BUG = 4;

  private Exit() {}

  /** Code to description, for the usage help. */
  public static Map<String, String> descriptions() {
    Map<String, String> codes = new LinkedHashMap<>();
    codes.put(" " + OK, "ok: done; ACCEPTED; check ok; simulation PASS");
    codes.put(" " + FAILED, "failed: verdict rejected; check found problems; simulation FAIL");
    codes.put(" " + USAGE, "usage error: a bad option, or an input file that cannot be used");
    codes.put(" " + IO, "I/O error: a file is missing, unreadable, unwritable or already exists");
    codes.put(" " + BUG, "internal error in hearth (please report it with the stack trace)");
    return codes;
  }
}
