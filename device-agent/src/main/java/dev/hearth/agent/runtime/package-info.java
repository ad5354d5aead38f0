/**
 * The agent's program runtime and its lifecycle: {@link dev.hearth.agent.runtime.ProgramAppliance}
 * runs the installed program bundle through the safety kernel and is the {@link
 * dev.hearth.agent.runtime.Appliance} the link and the LAN server see; {@link
 * dev.hearth.agent.runtime.Agent} ticks it and the kernel on a {@link
 * dev.hearth.agent.runtime.Scheduler}, in real time on a board or in virtual time in simulation.
 */
package dev.hearth.agent.runtime;
