/**
 * The MQTT transport on Eclipse Paho's MQTT 5 client: {@link
 * dev.hearth.agent.link.paho.PahoMqttSession}. The only package of the link that imports Paho
 * (enforced by {@code ArchitectureTest}).
 */
package dev.hearth.agent.link.paho;
