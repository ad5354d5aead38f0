package dev.hearth.agent.link;

import java.time.Duration;

/**
 * The link's sense of time: the wall clock for timestamps and timers for sampling, batching and
 * reconnecting. {@link #system()} is real time; a simulation or a test can run the link on its own
 * time instead (e.g. faster, or stepped).
 */
public interface LinkClock {

  /** Now, epoch milliseconds. */
  long millis();

  /**
   * Runs {@code task} once after {@code delay}, on a thread of the clock's choosing; the task must
   * return quickly (the link's tasks only hand work to the link's thread).
   */
  Timer schedule(Duration delay, Runnable task);

  /** A scheduled task. */
  interface Timer {
    /** Cancels the task if it has not run yet. */
    void cancel();
  }

  /** Real time; one daemon timer thread, stopped by {@link SystemLinkClock#close()}. */
  static SystemLinkClock system() {
    return new SystemLinkClock();
  }
}
