/**
 * Artifact downloads over CoAP with block-wise transfer (RFC 7959) on Californium, over plain UDP
 * or DTLS with the device's pre-shared key: the adapter behind {@link
 * dev.hearth.agent.update.ArtifactFetcher} for {@code coap} and {@code coaps} URLs.
 */
package dev.hearth.agent.update.californium;
