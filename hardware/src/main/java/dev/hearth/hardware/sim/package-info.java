/**
 * The plant simulation: a physics model of each appliance, so the agent, the safety kernel and the
 * program simulator can run against a washer or a microwave oven that is not there.
 *
 * <p>A {@link dev.hearth.hardware.sim.Plant} is created from a profile by {@link
 * dev.hearth.hardware.sim.PlantModels#create}. It is driven the way the board drives the real
 * appliance ({@code drive} an output in its channel's unit), moved forward in simulated time
 * ({@code advance}), and read the way the board reads it ({@code read} an input, after sensor
 * faults, noise and ADC resolution, clamped to the channel's range). Every change of a reading
 * fires the registered {@link dev.hearth.hardware.sim.InputListener}s, like Pi4J's mock inputs do.
 * People act through {@link dev.hearth.hardware.sim.Person}; faults are injected by name.
 *
 * <p>Models are deterministic: the physics uses no randomness at all, and sensor noise comes from a
 * {@link java.util.Random} seeded at creation, so the same seed and the same calls give the same
 * readings, and two seeds differ only by noise.
 */
package dev.hearth.hardware.sim;
