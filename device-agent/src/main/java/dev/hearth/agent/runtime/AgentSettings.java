package dev.hearth.agent.runtime;

import java.time.Duration;

/**
 * The agent's timing, with named defaults, checked when built.
 *
 * @param tick how often the program runtime and the safety tick run
 * @param watchdogDeadline the longest the program runtime may go without a tick before everything
 *     goes to its safe state; several ticks, so that one slow tick is not a fault
 * @param commandMemory how many command ids are remembered to answer a redelivery without running
 *     the command twice
 * @param shutdownHook true to put every output into its safe state when the JVM shuts down while
 *     the agent runs (Ctrl-C, SIGTERM)
 */
public record AgentSettings(
    Duration tick, Duration watchdogDeadline, int commandMemory, boolean shutdownHook) {

  public static final Duration DEFAULT_TICK = Duration.ofMillis(100);
  public static final Duration DEFAULT_WATCHDOG_DEADLINE = Duration.ofMillis(500);
  public static final int DEFAULT_COMMAND_MEMORY = 256;

  /** 100 ms ticks, a 500 ms watchdog deadline, 256 remembered command ids, a shutdown hook. */
  public static final AgentSettings DEFAULTS =
      new AgentSettings(DEFAULT_TICK, DEFAULT_WATCHDOG_DEADLINE, DEFAULT_COMMAND_MEMORY, true);

  public AgentSettings {
    if (tick == null
        || tick.compareTo(Duration.ofMillis(10)) < 0
        || tick.compareTo(Duration.ofSeconds(1)) > 0) {
      throw new IllegalArgumentException("agent tick must be 10 ms to 1 s, got " + tick);
    }
    if (watchdogDeadline == null || watchdogDeadline.compareTo(tick.multipliedBy(2)) < 0) {
      throw new IllegalArgumentException(
          "agent watchdogDeadline must be at least two ticks ("
              + tick.multipliedBy(2).toMillis()
              + " ms), got "
              + watchdogDeadline);
    }
    if (commandMemory < 1) {
      throw new IllegalArgumentException(
          "agent commandMemory must be 1 or more, got " + commandMemory);
    }
  }

  public AgentSettings withWatchdogDeadline(Duration deadline) {
    return new AgentSettings(tick, deadline, commandMemory, shutdownHook);
  }

  public AgentSettings withShutdownHook(boolean enabled) {
    return new AgentSettings(tick, watchdogDeadline, commandMemory, enabled);
  }

  /** The tick in seconds, for the plant. */
  public double tickSeconds() {
    return tick.toNanos() / 1e9;
  }
}
