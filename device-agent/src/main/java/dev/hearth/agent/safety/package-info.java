/**
 * The agent's side of safety, around the profile's {@link dev.hearth.hardware.safety.SafetyKernel}
 * (the one place that decides whether an output may change):
 *
 * <ul>
 *   <li>{@link dev.hearth.agent.safety.SensorFeed}: every input change reaches the kernel at once,
 *       on the thread that saw it;
 *   <li>{@link dev.hearth.agent.safety.Watchdog}: the program runtime must tick within a deadline,
 *       else the kernel goes to its safe state;
 *   <li>{@link dev.hearth.agent.safety.ShutdownGuard}: the outputs go safe when the JVM exits;
 *   <li>{@link dev.hearth.agent.safety.ChannelSelftest}: exercises each channel through the kernel,
 *       only where the interlocks allow.
 * </ul>
 *
 * The board is the kernel's only output driver; nothing here writes to an output but through the
 * kernel.
 */
package dev.hearth.agent.safety;
