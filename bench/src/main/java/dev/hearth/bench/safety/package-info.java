/**
 * B6: how fast the safety kernel puts an actuator in its safe state after a sensor event, in
 * process, measured with JMH.
 */
package dev.hearth.bench.safety;
