package dev.hearth.agent.link;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Reconnect delays: exponential from {@code min} to {@code max}, with "equal jitter". The step
 * doubles from {@code 2 * min} up to {@code max}; each delay is uniformly random in the upper half
 * of its step, {@code [step / 2, step]}, and never below {@code min}. So the first retry waits
 * {@code min} to {@code 2 * min} and a long outage retries every {@code max / 2} to {@code max}.
 *
 * <p>Why not Paho's automatic reconnect: it doubles a fixed delay with no randomness, so every
 * agent that lost the hub at the same moment (a hub restart) comes back in lockstep, and it resends
 * from its own memory rather than from our outbox. Jitter spreads a fleet's reconnects over each
 * step; keeping half the step as a floor still backs a single agent off properly.
 */
final class Backoff {

  private final long minMillis;
  private final long maxMillis;
  private final DoubleSupplier random;

  /**
   * @param random uniform in [0, 1); {@code Math::random} outside tests
   */
  Backoff(Duration min, Duration max, DoubleSupplier random) {
    this.minMillis = Math.max(1, min.toMillis());
    this.maxMillis = Math.max(minMillis, max.toMillis());
    this.random = random;
  }

  /** The delay before attempt {@code attempt} (0 for the first retry). */
  Duration delay(int attempt) {
    long step = Math.min(maxMillis, minMillis * 2);
    for (int i = 0; i < attempt && step < maxMillis; i++) {
      step = Math.min(maxMillis, step * 2);
    }
    long half = step / 2;
    long jittered = step - half + (long) (random.getAsDouble() * (half + 1));
    return Duration.ofMillis(Math.max(minMillis, Math.min(step, jittered)));
  }
}
