package dev.hearth.agent.enroll;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter: each wait doubles up to a ceiling, and a random share of a
 * quarter either way keeps a fleet that lost the hub together from coming back in lockstep.
 */
final class Backoff {

  private final Duration first;
  private final Duration ceiling;
  private final RandomGenerator random;
  private Duration next;

  Backoff(Duration first, Duration ceiling, RandomGenerator random) {
    this.first = first;
    this.ceiling = ceiling;
    this.random = random;
    this.next = first;
  }

  /** The next wait. */
  Duration next() {
    Duration base = next;
    Duration doubled = next.multipliedBy(2);
    next = doubled.compareTo(ceiling) > 0 ? ceiling : doubled;
    long millis = base.toMillis();
    long jitter = (long) ((random.nextDouble() - 0.5) * 0.5 * millis);
    return Duration.ofMillis(Math.max(1, millis + jitter));
  }

  /** Starts again from the first wait, after something got through. */
  void reset() {
    next = first;
  }
}
