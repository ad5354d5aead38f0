/**
 * The peer of B5: the smallest MQTT client process that does what the agent's first telemetry does
 * (connect, publish one QoS 1 message, wait for its PUBACK), on Paho alone.
 */
package dev.hearth.bench.agent;
