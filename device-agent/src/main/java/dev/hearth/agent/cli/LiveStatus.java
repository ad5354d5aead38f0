package dev.hearth.agent.cli;

import java.io.PrintWriter;
import java.util.function.Supplier;

/**
 * Prints event lines and a status line. On a terminal the status line is redrawn in place with
 * {@code \r} under the events, at most every {@value #REDRAW_MILLIS} ms of wall time; elsewhere (a
 * log, a pipe) it is printed as a plain line, at most once per {@link #plainEvery} calls.
 */
final class LiveStatus {

  static final long REDRAW_MILLIS = 100;

  private final PrintWriter out;
  private final boolean tty;
  private final int plainEvery;
  private int shown;
  private long lastDraw;
  private int calls;

  /**
   * @param plainEvery without a terminal, print every this-many-th status line
   */
  LiveStatus(PrintWriter out, boolean tty, int plainEvery) {
    this.out = out;
    this.tty = tty;
    this.plainEvery = Math.max(1, plainEvery);
  }

  /** A line that stays: an event, a step. */
  void line(String text) {
    clear();
    out.println(text);
    out.flush();
  }

  /**
   * The status now, made only when it will be shown: formatting it at every tick would cost more
   * than the tick.
   */
  void status(Supplier<String> text) {
    if (tty) {
      long now = System.nanoTime() / 1_000_000;
      if (now - lastDraw < REDRAW_MILLIS) {
        return;
      }
      lastDraw = now;
      String line = text.get();
      clear();
      out.print(line);
      shown = line.length();
      out.flush();
    } else if (calls++ % plainEvery == 0) {
      out.println(text.get());
      out.flush();
    }
  }

  /** Removes the status line from a terminal, so what follows starts on a clean line. */
  void clear() {
    if (tty && shown > 0) {
      out.print('\r');
      out.print(" ".repeat(shown));
      out.print('\r');
      shown = 0;
    }
  }
}
