/**
 * The wire protocol between a Hearth device agent and the hub: MQTT topics under {@code
 * hearth/v1/{deviceId}/}, their CoAP mirror paths, the JSON payload records and the one codec both
 * sides use.
 *
 * <p>The normative text is {@code firmware-specs/SPEC.md, chapter "Wire protocol"}. Nothing here
 * depends on a transport: the agent (Paho, Californium) and the hub (vertx-mqtt, Californium) hand
 * this package topic strings and byte arrays and get values back.
 *
 * <p>Entry points: {@link dev.hearth.specs.wire.Topic#parse(String)}, {@link
 * dev.hearth.specs.wire.TopicAcl}, {@link dev.hearth.specs.wire.CoapPaths} and {@link
 * dev.hearth.specs.wire.WireCodec}.
 */
package dev.hearth.specs.wire;
