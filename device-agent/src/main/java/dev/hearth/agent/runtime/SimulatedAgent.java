package dev.hearth.agent.runtime;

import dev.hearth.agent.hal.SimulatedHardware;
import dev.hearth.hardware.sim.Plant;

/**
 * The whole agent on a simulated appliance: the agent exactly as on a board, plus the plant, which
 * moves one agent tick ahead before each safety and runtime tick.
 */
public final class SimulatedAgent implements AutoCloseable {

  private final Agent agent;
  private final SimulatedHardware hardware;
  private Scheduler.Cancellable plantTask;

  public SimulatedAgent(Agent agent, SimulatedHardware hardware) {
    this.agent = agent;
    this.hardware = hardware;
  }

  /**
   * Starts the plant and the agent on the agent's scheduler. The plant is scheduled first, so at
   * each tick the appliance moves, then the agent reads it and acts.
   */
  public synchronized void start() {
    if (plantTask == null) {
      plantTask =
          agent
              .scheduler()
              .every(agent.settings().tick(), () -> hardware.step(agent.settings().tickSeconds()));
      agent.start();
    }
  }

  /**
   * One tick by hand, in the scheduled order, for tests that drive time themselves: the plant
   * moves, then the safety tick, then the runtime tick. Only for an agent that is not started.
   */
  public void step() {
    hardware.step(agent.settings().tickSeconds());
    agent.safetyTick();
    agent.runtimeTick();
  }

  public Agent agent() {
    return agent;
  }

  public ProgramAppliance appliance() {
    return agent.appliance();
  }

  public SimulatedHardware hardware() {
    return hardware;
  }

  public Plant plant() {
    return hardware.plant();
  }

  /** Stops the plant, then closes the agent (outputs safe) and unplugs the plant. */
  @Override
  public void close() {
    synchronized (this) {
      if (plantTask != null) {
        plantTask.cancel();
      }
    }
    agent.close();
    hardware.close();
  }
}
