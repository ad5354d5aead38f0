package dev.hearth.agent.hal;

import dev.hearth.hardware.sim.Plant;

/**
 * The simulated appliance behind a board in simulation: a {@link Plant} wired to the board's
 * simulated pins. Whoever owns the simulation moves it forward on the agent's schedule; the board
 * and everything above it cannot tell it from hardware.
 */
public interface SimulatedHardware extends AutoCloseable {

  /** The physics model: faults are injected and the person acts through it. */
  Plant plant();

  /**
   * Moves the appliance forward: hands the outputs as the pins show them to the plant, advances it
   * by {@code seconds}, and puts its new readings on the simulated pins and registers.
   */
  void step(double seconds);

  /**
   * An output as the simulated pin shows it, in the channel's unit: what the appliance really gets,
   * whatever the software above believes.
   */
  double output(String name);

  /**
   * The sensor behind input {@code name} comes loose: from now on it no longer answers, as an I2C
   * sensor with a broken wire does, and the board reads its channel as failed.
   *
   * @throws IllegalArgumentException when {@code name} is not a sensor on an I2C register
   */
  void unplug(String name);

  /** Disconnects the plant from the pins. */
  @Override
  void close();
}
