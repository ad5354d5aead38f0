/**
 * The Pi4J adapters of the hal: the only code that imports {@code com.pi4j}.
 *
 * <p>{@link dev.hearth.agent.hal.pi4j.Pi4jBoard} is one board implementation over a Pi4J context
 * whose providers decide where the channels go: on a Raspberry Pi, gpiod or linuxfs for GPIO and
 * linuxfs for PWM and I2C; off a Pi, Pi4J's mock plugin, whose simulated pins {@link
 * dev.hearth.agent.hal.pi4j.Pi4jMockPlant} connects to a {@code hardware.sim.Plant}. Every output
 * is created in its safe state with its safe state as Pi4J's shutdown state, so outputs fail safe
 * when the context shuts down or the JVM exits.
 */
package dev.hearth.agent.hal.pi4j;
