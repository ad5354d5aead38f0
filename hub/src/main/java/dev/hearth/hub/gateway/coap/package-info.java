/**
 * The CoAP endpoint on Californium with Scandium DTLS and a pre-shared key per device: the mirror
 * of the device→hub topics for devices too small for MQTT and TLS.
 */
package dev.hearth.hub.gateway.coap;
