package dev.hearth.agent.hal;

/**
 * A board on simulated pins and the simulated appliance wired to them.
 *
 * @param board what the agent drives and reads
 * @param hardware what moves the simulated appliance
 */
public record SimulatedBoard(Board board, SimulatedHardware hardware) {}
