/**
 * Runs a program in the simulator faster than real time: the real runtime and the real safety
 * kernel driving a physics model of the appliance, with injected faults. What contributors run
 * before they push ({@code hearth program simulate}) and what the hub runs before review.
 */
package dev.hearth.specs.simulate;
