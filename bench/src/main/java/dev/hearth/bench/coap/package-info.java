/**
 * B4, CoAP block-wise download: the hub's real artifact resource on a plain loopback endpoint
 * ({@link dev.hearth.bench.coap.CoapServeMain}, serving through {@link
 * dev.hearth.hub.gateway.coap.PlainArtifactServer}) and the agent's real {@link
 * dev.hearth.agent.update.californium.CaliforniumArtifactFetcher} downloading from it ({@link
 * dev.hearth.bench.coap.CoapDownloadBench}, timing with {@link dev.hearth.bench.coap.Downloads}).
 */
package dev.hearth.bench.coap;
