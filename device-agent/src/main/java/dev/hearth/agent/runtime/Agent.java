package dev.hearth.agent.runtime;

import dev.hearth.agent.hal.Board;
import dev.hearth.agent.safety.SensorFeed;
import dev.hearth.agent.safety.ShutdownGuard;
import dev.hearth.agent.safety.Watchdog;
import dev.hearth.hardware.safety.SafetyKernel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running agent: a board, the safety kernel in front of it, and the program runtime, ticking on a
 * {@link Scheduler}. Assembled by the composition root ({@code app}); the link to the hub and the
 * LAN server attach to {@link #appliance()}.
 *
 * <p>Two ticks, on separate tasks so that a hung program runtime cannot stop the one that notices:
 *
 * <ul>
 *   <li>the <b>safety tick</b> polls the board's polled inputs (I2C, pulse rates) into the kernel,
 *       runs the kernel's own tick (maximum on-times, lock release), checks the watchdog and
 *       publishes a changed state;
 *   <li>the <b>runtime tick</b> runs the program runtime and kicks the watchdog. Anything it throws
 *       is a crash of the runtime: outputs safe, alarm, fresh runner.
 * </ul>
 *
 * Outputs are safe when the agent is assembled (the kernel's start state), when it is closed, on a
 * crash and on a missed watchdog deadline.
 */
public final class Agent implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Agent.class);

  private final Board board;
  private final SafetyKernel kernel;
  private final SensorFeed feed;
  private final ProgramAppliance appliance;
  private final Watchdog watchdog;
  private final Scheduler scheduler;
  private final AgentSettings settings;
  private final List<Runnable> runtimeStages = new CopyOnWriteArrayList<>();
  private final List<Runnable> safetyStages = new CopyOnWriteArrayList<>();
  private final List<Scheduler.Cancellable> tasks = new ArrayList<>();
  private final ReentrantLock runtimeLock = new ReentrantLock();
  private ShutdownGuard shutdownGuard;
  private volatile boolean closed;

  public Agent(
      Board board,
      SafetyKernel kernel,
      SensorFeed feed,
      ProgramAppliance appliance,
      Watchdog watchdog,
      Scheduler scheduler,
      AgentSettings settings) {
    this.board = board;
    this.kernel = kernel;
    this.feed = feed;
    this.appliance = appliance;
    this.watchdog = watchdog;
    this.scheduler = scheduler;
    this.settings = settings;
  }

  /**
   * Schedules both ticks every {@link AgentSettings#tick()} and, when the settings ask for it,
   * closes the agent (outputs safe) when the JVM shuts down.
   */
  public synchronized void start() {
    if (closed) {
      throw new IllegalStateException("a closed agent cannot start again");
    }
    if (tasks.isEmpty()) {
      watchdog.kick();
      tasks.add(scheduler.every(settings.tick(), this::safetyTick));
      tasks.add(scheduler.every(settings.tick(), this::runtimeTick));
      if (settings.shutdownHook()) {
        shutdownGuard = ShutdownGuard.install("hearth-agent-safe-stop", this::close);
      }
    }
  }

  /**
   * Adds work to every runtime tick, after the program runtime's (e.g. an update engine's health
   * check). What it throws counts as a crash of the runtime.
   */
  public void addRuntimeStage(Runnable stage) {
    runtimeStages.add(stage);
  }

  /**
   * Adds work to every safety tick (e.g. a systemd watchdog ping: it proves the safety tick runs).
   * What it throws is logged.
   */
  public void addSafetyStage(Runnable stage) {
    safetyStages.add(stage);
  }

  /** The safety tick: polled inputs into the kernel, the kernel's tick, the watchdog check. */
  public void safetyTick() {
    if (closed) {
      return;
    }
    try {
      board.poll();
      kernel.tick();
      watchdog.check();
      // Trips show in the state at once, even while the program runtime hangs.
      appliance.publishIfChanged();
    } catch (RuntimeException e) {
      LOG.error("the safety tick failed: {}", e.toString(), e);
      kernel.enterSafeState("the safety tick failed: " + e);
    }
    for (Runnable stage : safetyStages) {
      try {
        stage.run();
      } catch (RuntimeException e) {
        LOG.error("a safety stage failed: {}", e.toString(), e);
      }
    }
  }

  /** The runtime tick: the program runtime, then the runtime stages, then the watchdog kick. */
  public void runtimeTick() {
    runtimeLock.lock();
    try {
      if (closed) {
        return;
      }
      appliance.tick();
      for (Runnable stage : runtimeStages) {
        stage.run();
      }
      watchdog.kick();
    } catch (RuntimeException | Error e) {
      // A bug, a bad program, a stack overflow: whatever it is, the outputs go safe first.
      appliance.crashed(e);
    } finally {
      runtimeLock.unlock();
    }
  }

  public Board board() {
    return board;
  }

  public SafetyKernel kernel() {
    return kernel;
  }

  public ProgramAppliance appliance() {
    return appliance;
  }

  public Watchdog watchdog() {
    return watchdog;
  }

  public Scheduler scheduler() {
    return scheduler;
  }

  public AgentSettings settings() {
    return settings;
  }

  /**
   * Stops ticking, puts every output into its safe state and releases the board. Waits up to a
   * second for a runtime tick in progress; a hung one does not hold the outputs up.
   */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      tasks.forEach(Scheduler.Cancellable::cancel);
      tasks.clear();
      if (shutdownGuard != null) {
        shutdownGuard.close();
      }
    }
    boolean locked = false;
    try {
      locked = runtimeLock.tryLock(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      feed.close();
      kernel.enterSafeState("the agent stopped");
      board.close();
    } finally {
      if (locked) {
        runtimeLock.unlock();
      }
    }
  }

  public boolean isClosed() {
    return closed;
  }
}
