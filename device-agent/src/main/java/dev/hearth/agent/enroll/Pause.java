package dev.hearth.agent.enroll;

import java.time.Duration;

/** Waits between attempts; tests replace it with one that moves a clock instead of sleeping. */
@FunctionalInterface
public interface Pause {

  void sleep(Duration duration) throws InterruptedException;

  /** Sleeps the thread. */
  static Pause real() {
    return d -> Thread.sleep(d.toMillis());
  }
}
