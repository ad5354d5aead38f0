package dev.hearth.agent.update;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Decides when download progress is worth an event: at every step of the size (10 % by default) or
 * when the interval passed (2 s), whichever comes first, and at the end. A board on a slow link
 * must not fill the hub's event history with one event per block.
 */
final class ProgressThrottle {

  private final long size;
  private final double step;
  private final long intervalNanos;
  private final LongSupplier nanos;
  private double nextFraction;
  private long nextNanos;
  private boolean endReported;

  ProgressThrottle(long size, double step, Duration interval, LongSupplier nanos, long startBytes) {
    this.size = size;
    this.step = step;
    this.intervalNanos = interval.toNanos();
    this.nanos = nanos;
    schedule(fraction(startBytes));
  }

  /** The fraction done if {@code bytes} on disk deserve an event now, else a negative number. */
  double due(long bytes) {
    double fraction = fraction(bytes);
    boolean end = fraction >= 1;
    if (end ? endReported : fraction + 1e-9 < nextFraction && nanos.getAsLong() < nextNanos) {
      return -1;
    }
    endReported = end;
    schedule(fraction);
    return fraction;
  }

  private void schedule(double fraction) {
    nextFraction = (Math.floor(fraction / step + 1e-9) + 1) * step;
    nextNanos = nanos.getAsLong() + intervalNanos;
  }

  private double fraction(long bytes) {
    return size == 0 ? 1 : Math.min(1, (double) bytes / size);
  }
}
