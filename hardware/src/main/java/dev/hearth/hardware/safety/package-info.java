/**
 * The safety kernel: the one place that decides whether an output may change.
 *
 * <p>It knows a profile's interlocks and nothing else: no threads, no I/O, no transport. The agent
 * puts it between the program runtime and the hardware; the program simulator puts it between the
 * same runtime and a simulated plant, so a program behaves the same in both.
 */
package dev.hearth.hardware.safety;
