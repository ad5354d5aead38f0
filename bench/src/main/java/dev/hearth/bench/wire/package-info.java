/**
 * A wire-level MQTT 5 driver: thousands of device sessions from one selector thread, each doing on
 * the wire what an agent does (connect with its will, subscribe to its commands and updates,
 * publish its retained online status), then either idling (pings only, B2) or publishing QoS 1
 * telemetry batches encoded by the real wire codec with at most the agent's window of
 * unacknowledged publishes (B1's saturation runs).
 *
 * <p>Why not the agent's link here: one {@link dev.hearth.agent.link.HubLink} costs a link thread
 * and Paho's three to four threads, so 1,000 of them saturate a 2-core machine long before the
 * broker does, and 10,000 would be 50,000 threads. What these runs measure is the broker's side,
 * which sees the same packets either way.
 */
package dev.hearth.bench.wire;
