/**
 * The gateway: where devices' messages enter the hub and commands leave it.
 *
 * <p>This package is the transport-free core. {@link dev.hearth.hub.gateway.DeviceIngest} applies
 * the access rule, QoS, per-device rate limit and wire codec to what any transport hands in, and
 * queues what passes for the {@link dev.hearth.hub.gateway.GroupCommitWriter}, which writes a batch
 * every few milliseconds with one {@code HubStore.commit} and only then releases the QoS 1
 * acknowledgements. {@link dev.hearth.hub.gateway.DeviceCommands} stores, delivers and expires
 * commands. Refusals are values ({@link dev.hearth.hub.gateway.Refusal}); {@link
 * dev.hearth.hub.gateway.GatewayException} is the one exception, for what cannot work at all.
 *
 * <p>The transports are adapters in {@code gateway.mqtt} (vertx-mqtt, classes {@code VertxMqtt*})
 * and {@code gateway.coap} (Californium, classes {@code Californium*}); {@code gateway.app}
 * assembles them. This package never imports Vert.x, Netty or Californium (checked by a test).
 */
package dev.hearth.hub.gateway;
