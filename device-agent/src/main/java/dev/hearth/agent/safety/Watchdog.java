package dev.hearth.agent.safety;

import dev.hearth.hardware.safety.SafetyKernel;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Holds the program runtime to a deadline: the runtime {@link #kick()}s after every tick, and a
 * different thread {@link #check()}s. When the runtime has not kicked for longer than the deadline,
 * the kernel goes to its safe state (and stays there until the next start) and the miss is reported
 * once; the next kick re-arms it.
 *
 * <p>Time comes from a monotonic source: {@link System#nanoTime()} on a board, the simulated clock
 * in simulation. Thread-safe.
 */
public final class Watchdog {

  /** Every safe-state reason the watchdog gives starts with this. */
  public static final String REASON_PREFIX = "watchdog: ";

  private final SafetyKernel kernel;
  private final long deadlineMillis;
  private final LongSupplier monotonicMillis;
  private final Consumer<String> onMissed;
  private long lastKick;
  private boolean tripped;

  /**
   * @param deadline the longest the runtime may go without a tick
   * @param monotonicMillis a clock that never jumps
   * @param onMissed told the reason once per missed deadline, after the outputs are safe
   */
  public Watchdog(
      SafetyKernel kernel,
      Duration deadline,
      LongSupplier monotonicMillis,
      Consumer<String> onMissed) {
    if (deadline.isNegative() || deadline.isZero()) {
      throw new IllegalArgumentException("a watchdog deadline must be positive: " + deadline);
    }
    this.kernel = kernel;
    this.deadlineMillis = deadline.toMillis();
    this.monotonicMillis = monotonicMillis;
    this.onMissed = onMissed;
    this.lastKick = monotonicMillis.getAsLong();
  }

  /** The runtime is alive. */
  public synchronized void kick() {
    lastKick = monotonicMillis.getAsLong();
    tripped = false;
  }

  /**
   * Trips when the deadline passed without a kick; trips again when the runtime is still late and
   * someone took the kernel out of its safe state meanwhile.
   *
   * @return true when this call tripped it
   */
  public boolean check() {
    String reason;
    synchronized (this) {
      long late = monotonicMillis.getAsLong() - lastKick;
      if (late <= deadlineMillis || (tripped && kernel.safeStateReason() != null)) {
        return false;
      }
      tripped = true;
      reason =
          REASON_PREFIX
              + "the program runtime has not ticked for "
              + late
              + " ms (deadline "
              + deadlineMillis
              + " ms)";
    }
    // Outside the lock: the kernel and the listener may take theirs.
    kernel.enterSafeState(reason);
    onMissed.accept(reason);
    return true;
  }

  /** True from a missed deadline to the next kick. */
  public synchronized boolean tripped() {
    return tripped;
  }
}
