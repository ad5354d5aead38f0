package dev.hearth.hardware.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that moves only when told to, so simulations run faster than real time and
 * deterministically. Thread-safe.
 */
public final class SimulatedClock extends Clock {

  private volatile long millis;

  public SimulatedClock(Instant start) {
    this.millis = start.toEpochMilli();
  }

  /** Moves time forward by {@code duration}. */
  public void advance(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("time does not run backwards: " + duration);
    }
    synchronized (this) {
      millis += duration.toMillis();
    }
  }

  /** Moves time forward by {@code seconds}, rounded to the millisecond. */
  public void advanceSeconds(double seconds) {
    advance(Duration.ofMillis(Math.round(seconds * 1000)));
  }

  @Override
  public long millis() {
    return millis;
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("a simulated clock is always UTC");
  }
}
