/**
 * The agent's hardware seam: a {@link dev.hearth.agent.hal.Board} drives the appliance's outputs
 * and reads its inputs in the profile's units, whatever the wiring (active-low relays, raw ADC
 * counts, PWM duty, pulses per second). Everything above this package works on channel names and
 * engineering units only.
 *
 * <p>The Pi4J adapters in {@code hal.pi4j} implement it twice: on a Raspberry Pi with the real
 * providers, and off a Pi on Pi4J's mock plugin driven by the {@code hardware} module's plant
 * simulation ({@link dev.hearth.agent.hal.SimulatedHardware}), so the agent runs unchanged in
 * simulation.
 */
package dev.hearth.agent.hal;
