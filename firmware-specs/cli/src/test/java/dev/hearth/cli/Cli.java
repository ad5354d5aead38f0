package dev.hearth.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;

/** Runs {@code hearth} in-process, as a person would type it, capturing what it prints. */
final class Cli {

  /** The shipped washer bundle, relative to this module. */
  static final Path WASHER_BUNDLE = Path.of("..", "programs", "open-washer");

  /** The shipped washer profile file. */
  static final Path WASHER_PROFILE =
      Path.of("..", "..", "hardware", "profiles", "open-washer", "profile.yaml");

  private Cli() {}

  /**
   * What one command did.
   *
   * @param exitCode its exit code
   * @param out what it printed on standard output
   * @param err what it printed on standard error
   */
  record Run(int exitCode, String out, String err) {

    /** Out and err together, for assertions that do not care which. */
    String all() {
      return out + err;
    }

    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
  }

  /** Runs {@code hearth} with {@code args}; paths may be given as {@link Path}s. */
  static Run hearth(Object... args) {
    List<String> words = new ArrayList<>();
    Arrays.stream(args).forEach(a -> words.add(a.toString()));
    CommandLine cli = HearthCli.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(words.toArray(String[]::new));
    return new Run(code, out.toString(), err.toString());
  }
}
