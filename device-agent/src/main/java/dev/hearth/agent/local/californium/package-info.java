/**
 * The LAN's CoAP server on Eclipse Californium: {@link
 * dev.hearth.agent.local.californium.CaliforniumLocalServer} serves a {@link
 * dev.hearth.agent.local.LocalFeed} as observable resources (RFC 7641), listed in {@code
 * /.well-known/core} (RFC 6690).
 */
package dev.hearth.agent.local.californium;
