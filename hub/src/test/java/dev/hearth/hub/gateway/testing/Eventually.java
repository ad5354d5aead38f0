package dev.hearth.hub.gateway.testing;

import java.time.Duration;
import java.util.function.Supplier;

/** Waits for something that happens after the call under test returns (presence, delivery). */
public final class Eventually {

  private Eventually() {}

  /** Polls {@code value} every 20 ms until it equals {@code expected}; returns the last value. */
  public static <T> T await(Supplier<T> value, T expected, Duration timeout) {
    long end = System.nanoTime() + timeout.toNanos();
    T last = value.get();
    while (!expected.equals(last) && System.nanoTime() < end) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return last;
      }
      last = value.get();
    }
    return last;
  }
}
