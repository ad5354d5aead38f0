package dev.hearth.agent.link;

import java.time.Duration;
import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * Stepped time for link tests and the scripted agent: nothing is due until {@link #advance} moves
 * the clock, which then runs each due timer at its own instant and lets the link finish the work it
 * handed over before moving on, so samples and batches come out exactly on the plan.
 */
final class ManualLinkClock implements LinkClock {

  private record Pending(long due, long order, Runnable task) {}

  private final PriorityQueue<Pending> timers =
      new PriorityQueue<>(Comparator.comparingLong(Pending::due).thenComparingLong(Pending::order));
  private long now;
  private long order;
  private volatile Runnable settle = () -> {};

  ManualLinkClock(long startMillis) {
    this.now = startMillis;
  }

  /** What to wait for after each timer, typically {@code link::awaitIdle}. */
  void settleWith(Runnable settle) {
    this.settle = settle;
  }

  @Override
  public synchronized long millis() {
    return now;
  }

  @Override
  public synchronized Timer schedule(Duration delay, Runnable task) {
    var pending = new Pending(now + Math.max(0, delay.toMillis()), order++, task);
    timers.add(pending);
    return () -> {
      synchronized (this) {
        timers.remove(pending);
      }
    };
  }

  /** Moves time forward by {@code step}, running what falls due on the way. */
  void advance(Duration step) {
    // Work handed over before the step (a state change posted to the link thread) happens at the
    // instant it was posted, not after time has moved on.
    settle.run();
    long target;
    synchronized (this) {
      target = now + step.toMillis();
    }
    while (true) {
      Pending next;
      synchronized (this) {
        next = timers.peek();
        if (next == null || next.due() > target) {
          now = target;
          break;
        }
        timers.poll();
        now = Math.max(now, next.due());
      }
      next.task().run();
      settle.run();
    }
    settle.run();
  }
}
