package dev.hearth.bench.fleet;

import dev.hearth.agent.link.LinkClock;
import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Real time for every link of the fleet on one small timer pool, instead of a timer thread per
 * device. The links' timer tasks only hand work to their own threads, so a couple of threads carry
 * thousands of devices.
 */
public final class FleetClock implements LinkClock, AutoCloseable {

  /** Timer threads; the tasks are tiny. */
  public static final int THREADS = 2;

  private final ScheduledThreadPoolExecutor timers;

  public FleetClock() {
    timers =
        new ScheduledThreadPoolExecutor(
            THREADS,
            r -> {
              Thread t = new Thread(r, "fleet-timer");
              t.setDaemon(true);
              return t;
            });
    timers.setRemoveOnCancelPolicy(true);
  }

  @Override
  public long millis() {
    return System.currentTimeMillis();
  }

  @Override
  public Timer schedule(Duration delay, Runnable task) {
    var future = timers.schedule(task, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
    return () -> future.cancel(false);
  }

  @Override
  public void close() {
    timers.shutdownNow();
  }
}
