package dev.hearth.hub.telemetry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs blocking background jobs (downsampling, retention, alert sweeps) at fixed delays on their
 * own daemon threads, off the Vert.x event loops. Each job gets its own thread, so a long catch-up
 * downsample does not hold back the offline sweep, and never overlaps with itself. A job that
 * throws is logged and runs again at its next turn.
 *
 * <p>Add jobs with {@link #every}, then {@link #start()}; {@link #stop()} lets a running job finish
 * before returning.
 */
public final class PeriodicJobs implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(PeriodicJobs.class);
  private static final Duration STOP_GRACE = Duration.ofSeconds(30);

  private final String name;
  private final List<Job> jobs = new ArrayList<>();
  private ScheduledExecutorService executor;
  private boolean stopped;

  /**
   * Jobs whose threads are named after {@code name}.
   *
   * @param name for thread names and logs, e.g. {@code hearth-telemetry}
   */
  public PeriodicJobs(String name) {
    this.name = Objects.requireNonNull(name, "name");
  }

  /**
   * Adds a job that first runs one {@code interval} after {@link #start()} and then {@code
   * interval} after each run ends.
   *
   * @throws IllegalStateException once started
   */
  public synchronized PeriodicJobs every(String jobName, Duration interval, Runnable task) {
    if (executor != null || stopped) {
      throw new IllegalStateException("add jobs before start: " + jobName);
    }
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException(jobName + " interval must be positive: " + interval);
    }
    jobs.add(new Job(jobName, interval, Objects.requireNonNull(task, "task")));
    return this;
  }

  /** Starts every job; a second call does nothing. */
  public synchronized void start() {
    if (executor != null || stopped) {
      return;
    }
    executor = Executors.newScheduledThreadPool(Math.max(1, jobs.size()), threads());
    for (Job job : jobs) {
      long millis = job.interval().toMillis();
      executor.scheduleWithFixedDelay(() -> runSafely(job), millis, millis, TimeUnit.MILLISECONDS);
    }
    log.info(
        "{} started: {}",
        name,
        jobs.stream().map(j -> j.name() + " every " + j.interval()).toList());
  }

  /** Stops scheduling; waits for running jobs to finish. Idempotent. */
  public void stop() {
    ScheduledExecutorService running;
    synchronized (this) {
      stopped = true;
      running = executor;
    }
    if (running == null) {
      return;
    }
    running.shutdown();
    try {
      if (!running.awaitTermination(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        log.warn("{}: a job still runs after {}; interrupting it", name, STOP_GRACE);
        running.shutdownNow();
      }
    } catch (InterruptedException e) {
      running.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    stop();
  }

  private void runSafely(Job job) {
    try {
      job.task().run();
    } catch (RuntimeException e) {
      // A scheduled task that throws is never run again; a database hiccup must not end the job.
      log.warn("{}: job {} failed; it runs again in {}", name, job.name(), job.interval(), e);
    }
  }

  private ThreadFactory threads() {
    var count = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  private record Job(String name, Duration interval, Runnable task) {}
}
