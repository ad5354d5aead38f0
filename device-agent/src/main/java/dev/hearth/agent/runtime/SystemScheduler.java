package dev.hearth.agent.runtime;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A schedule in real time on a small pool of daemon threads, so that one task that hangs (a program
 * runtime stuck in a bug) does not stop the others (the safety tick that notices it).
 */
public final class SystemScheduler implements Scheduler, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SystemScheduler.class);

  /** Enough for the safety tick, the runtime tick and one more, each on its own thread. */
  public static final int DEFAULT_THREADS = 3;

  private final ScheduledThreadPoolExecutor pool;
  private final Clock clock = Clock.systemUTC();

  public SystemScheduler() {
    this(DEFAULT_THREADS);
  }

  public SystemScheduler(int threads) {
    AtomicInteger n = new AtomicInteger();
    this.pool =
        new ScheduledThreadPoolExecutor(
            threads,
            r -> {
              Thread t = new Thread(r, "hearth-tick-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    pool.setRemoveOnCancelPolicy(true);
  }

  @Override
  public Clock clock() {
    return clock;
  }

  @Override
  public long monotonicMillis() {
    return System.nanoTime() / 1_000_000;
  }

  @Override
  public Cancellable every(Duration period, Runnable task) {
    long ms = period.toMillis();
    ScheduledFuture<?> f = pool.scheduleAtFixedRate(guard(task), ms, ms, TimeUnit.MILLISECONDS);
    return () -> f.cancel(false);
  }

  @Override
  public Cancellable after(Duration delay, Runnable task) {
    ScheduledFuture<?> f = pool.schedule(guard(task), delay.toMillis(), TimeUnit.MILLISECONDS);
    return () -> f.cancel(false);
  }

  /** A periodic task that throws would lose its schedule; log it and keep going instead. */
  private static Runnable guard(Runnable task) {
    return () -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        LOG.error("a scheduled task failed: {}", e.toString(), e);
      }
    };
  }

  /** Stops every task; running ones are interrupted. */
  @Override
  public void close() {
    pool.shutdownNow();
  }
}
