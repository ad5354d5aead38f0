/**
 * The program runtime: runs one program of a bundle through the safety kernel, step by step.
 *
 * <p>It is deterministic and has no thread of its own: whoever owns it calls {@link
 * dev.hearth.specs.runtime.ProgramRunner#tick()} on a schedule (the agent every 100 ms of real
 * time, the simulator every 100 ms of simulated time), so the same program behaves the same on a
 * board and in a simulation. These semantics are part of SPEC.md, chapter "Program language".
 */
package dev.hearth.specs.runtime;
