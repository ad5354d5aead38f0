/**
 * The store-and-forward outbox: a durable, byte-bounded, append-only queue of events and telemetry
 * batches on the agent's disk. Pure Java; no MQTT here. See {@link
 * dev.hearth.agent.link.outbox.Outbox} for the format and the guarantees.
 */
package dev.hearth.agent.link.outbox;
