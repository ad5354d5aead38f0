package dev.hearth.agent.runtime;

import dev.hearth.hardware.time.SimulatedClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A schedule in virtual time: nothing runs until {@link #advance} moves the clock, and then every
 * task that falls due runs on the caller's thread, in time order, tasks due at the same instant in
 * the order they were scheduled. Deterministic; not thread-safe (one thread drives it).
 */
public final class VirtualScheduler implements Scheduler {

  private static final Logger LOG = LoggerFactory.getLogger(VirtualScheduler.class);

  private final SimulatedClock clock;
  private final long origin;
  private final PriorityQueue<Task> queue =
      new PriorityQueue<>(
          (a, b) -> a.due != b.due ? Long.compare(a.due, b.due) : Long.compare(a.order, b.order));
  private long nextOrder;

  /** A schedule whose clock starts at {@code start}. */
  public VirtualScheduler(Instant start) {
    this.clock = new SimulatedClock(start);
    this.origin = start.toEpochMilli();
  }

  @Override
  public Clock clock() {
    return clock;
  }

  @Override
  public long monotonicMillis() {
    return clock.millis();
  }

  /** Virtual time since the start. */
  public Duration elapsed() {
    return Duration.ofMillis(clock.millis() - origin);
  }

  @Override
  public Cancellable every(Duration period, Runnable task) {
    if (period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("a period must be positive: " + period);
    }
    return schedule(period.toMillis(), period.toMillis(), task);
  }

  @Override
  public Cancellable after(Duration delay, Runnable task) {
    return schedule(Math.max(0, delay.toMillis()), 0, task);
  }

  private Cancellable schedule(long delay, long period, Runnable task) {
    Task t = new Task(clock.millis() + delay, period, nextOrder++, task);
    queue.add(t);
    return () -> {
      t.cancelled = true;
      queue.remove(t);
    };
  }

  /** Moves time forward by {@code duration}, running every task that falls due on the way. */
  public void advance(Duration duration) {
    long target = clock.millis() + duration.toMillis();
    for (Task t = queue.peek(); t != null && t.due <= target; t = queue.peek()) {
      queue.poll();
      if (t.due > clock.millis()) {
        clock.advance(Duration.ofMillis(t.due - clock.millis()));
      }
      run(t);
      if (t.period > 0 && !t.cancelled) {
        t.due += t.period;
        queue.add(t);
      }
    }
    if (target > clock.millis()) {
      clock.advance(Duration.ofMillis(target - clock.millis()));
    }
  }

  private static void run(Task t) {
    try {
      t.task.run();
    } catch (RuntimeException e) {
      LOG.error("a scheduled task failed: {}", e.toString(), e);
    }
  }

  private static final class Task {
    long due;
    final long period;
    final long order;
    final Runnable task;
    boolean cancelled;

    Task(long due, long period, long order, Runnable task) {
      this.due = due;
      this.period = period;
      this.order = order;
      this.task = task;
    }
  }
}
