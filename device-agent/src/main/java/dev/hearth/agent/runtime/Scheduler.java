package dev.hearth.agent.runtime;

import java.time.Clock;
import java.time.Duration;

/**
 * Where the agent's periodic work runs and what time it is. On a board, real threads and the system
 * clock ({@link SystemScheduler}); in simulation and tests, virtual time that moves only when told
 * ({@link VirtualScheduler}), so a 90-minute cycle runs in seconds and every run is repeatable.
 */
public interface Scheduler {

  /** The wall clock of this schedule: timestamps, maximum on-times, step durations. */
  Clock clock();

  /** A clock that never jumps, for deadlines; milliseconds from an arbitrary origin. */
  long monotonicMillis();

  /**
   * Runs {@code task} every {@code period}, first one period from now. A task that throws is logged
   * and keeps its schedule.
   */
  Cancellable every(Duration period, Runnable task);

  /** Runs {@code task} once, {@code delay} from now. */
  Cancellable after(Duration delay, Runnable task);

  /** A scheduled task; cancelling it stops further runs. */
  interface Cancellable {
    void cancel();
  }
}
