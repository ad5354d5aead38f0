package dev.hearth.agent.hal;

/**
 * Turns a running count of pulses into a rate over a sliding window, sampled at each poll. A window
 * (one second by default) smooths the jitter of slow pulse trains: at tumble speed a drum
 * tachometer gives only a few pulses per second.
 *
 * <p>Not thread-safe: the board samples it from its poll, under its own lock. Allocation-free after
 * construction.
 */
public final class PulseRate {

  private final long windowMillis;
  private final long[] times;
  private final long[] counts;
  private int head;
  private int size;

  /**
   * @param windowMillis the span the rate is averaged over
   * @param capacity how many samples the window can hold; polls beyond it shorten the window
   */
  public PulseRate(long windowMillis, int capacity) {
    if (windowMillis <= 0 || capacity < 2) {
      throw new IllegalArgumentException("a pulse window needs a positive span and 2+ samples");
    }
    this.windowMillis = windowMillis;
    this.times = new long[capacity];
    this.counts = new long[capacity];
  }

  /**
   * Records the running pulse count at a time and returns the rate in pulses per second over the
   * window that ends now; 0 until two samples are known.
   */
  public double sample(long nowMillis, long count) {
    // Drop samples that fell out of the window, keeping the newest of them as the window's start.
    while (size >= 2 && nowMillis - times[index(1)] >= windowMillis) {
      head = (head + 1) % times.length;
      size--;
    }
    if (size == times.length) {
      head = (head + 1) % times.length;
      size--;
    }
    int at = index(size);
    times[at] = nowMillis;
    counts[at] = count;
    size++;
    if (size < 2) {
      return 0;
    }
    long span = nowMillis - times[head];
    return span <= 0 ? 0 : (count - counts[head]) * 1000.0 / span;
  }

  private int index(int offset) {
    return (head + offset) % times.length;
  }
}
