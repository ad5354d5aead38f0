package dev.hearth.agent.runtime;

import java.time.Duration;

/**
 * Keeps a simulation at a {@link Speed}: after each step of virtual time, waits until the real time
 * that step is worth has passed since the start. At {@code max} it never waits.
 */
public final class Pacer {

  private final Speed speed;
  private final long startNanos;

  public Pacer(Speed speed) {
    this.speed = speed;
    this.startNanos = System.nanoTime();
  }

  /**
   * Waits until {@code simulated} (virtual time since the start) is due in real time.
   *
   * @throws InterruptedException when the waiting thread is interrupted
   */
  public void awaitDue(Duration simulated) throws InterruptedException {
    if (speed.isMax()) {
      return;
    }
    long dueNanos = startNanos + (long) (simulated.toNanos() / speed.factor());
    long wait = dueNanos - System.nanoTime();
    if (wait > 0) {
      Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
    }
  }

  /** Real time since the start. */
  public Duration wallTime() {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }
}
