package dev.hearth.cli.hub;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Shows how far a transfer has come: a bar redrawn in place on a terminal, or a line per tenth on
 * anything else (logs, CI, pipes), where redrawing would only fill the log with carriage returns.
 */
public abstract class Progress {

  protected final PrintWriter out;
  protected final long total;

  protected Progress(PrintWriter out, long total) {
    this.out = out;
    this.total = total;
  }

  /** A bar for a terminal, plain lines otherwise. */
  public static Progress of(Mode mode, PrintWriter out, long total) {
    boolean bar = mode == Mode.BAR || mode == Mode.AUTO && System.console() != null;
    return bar ? new Bar(out, total) : new Lines(out, total);
  }

  /** How to show progress. */
  public enum Mode {
    /** A bar on a terminal, lines otherwise. */
    AUTO,
    BAR,
    PLAIN
  }

  /** {@code done} bytes of {@link #total} have arrived. */
  public abstract void update(long done);

  /** The transfer is complete. */
  public abstract void finish();

  static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    if (bytes < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
    }
    return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
  }

  int percent(long done) {
    return total == 0 ? 100 : (int) (done * 100 / total);
  }

  /** {@code [##########----------] 50% 1.2 MiB of 2.4 MiB}, redrawn with a carriage return. */
  static final class Bar extends Progress {
    private static final int WIDTH = 30;

    Bar(PrintWriter out, long total) {
      super(out, total);
    }

    @Override
    public void update(long done) {
      int filled = total == 0 ? WIDTH : (int) (done * WIDTH / total);
      out.print(
          "\r["
              + "#".repeat(filled)
              + "-".repeat(WIDTH - filled)
              + "] "
              + String.format(Locale.ROOT, "%3d%%", percent(done))
              + "  "
              + size(done)
              + " of "
              + size(total)
              + "   ");
      out.flush();
    }

    @Override
    public void finish() {
      update(total);
      out.println();
    }
  }

  /** {@code uploaded 30% (786432 of 2621440 bytes)}, once per tenth reached. */
  static final class Lines extends Progress {
    private int shown = -1;

    Lines(PrintWriter out, long total) {
      super(out, total);
    }

    @Override
    public void update(long done) {
      int tenth = percent(done) / 10 * 10;
      if (tenth > shown) {
        shown = tenth;
        out.println("uploaded " + tenth + "% (" + done + " of " + total + " bytes)");
      }
    }

    @Override
    public void finish() {
      update(total);
    }
  }
}
