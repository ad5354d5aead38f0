/**
 * The fleet simulator: N simulated devices, each running the agent's real link ({@link
 * dev.hearth.agent.link.HubLink} on {@link dev.hearth.agent.link.paho.PahoMqttSession}, with its
 * on-disk outbox and the wire codec) over a {@link dev.hearth.bench.fleet.ReplayAppliance} that
 * replays recorded readings instead of driving a plant.
 *
 * <p>Entry point: {@link dev.hearth.bench.fleet.FleetMain} ({@code java -jar hearth-fleet.jar}).
 * Seams: {@link dev.hearth.bench.fleet.DeviceSource} (where device logins come from: a hub's
 * enrollment or a plain broker), {@link dev.hearth.bench.fleet.TimedSession} (the transport
 * decorator that times every QoS 1 publish to its PUBACK).
 */
package dev.hearth.bench.fleet;
