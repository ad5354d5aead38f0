/**
 * The appliance on the LAN: its latest state and telemetry as they go on the wire ({@link
 * dev.hearth.agent.local.LocalFeed}), sampled by {@link dev.hearth.agent.local.ReadingsSampler} and
 * served read-only by a {@link dev.hearth.agent.local.LocalServer}. The CoAP server itself is an
 * adapter in {@code local.californium}; nothing here imports Californium.
 *
 * <p>Wiring, in the composition root:
 *
 * <pre>{@code
 * LocalFeed feed = LocalFeed.attach(appliance, clock);
 * ReadingsSampler sampler = ReadingsSampler.start(appliance, feed);
 * LocalServer server = new CaliforniumLocalServer(config.local().coap(), feed);
 * server.start();
 * }</pre>
 */
package dev.hearth.agent.local;
