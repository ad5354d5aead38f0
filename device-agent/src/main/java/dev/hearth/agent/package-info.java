/**
 * The Hearth device agent. Packages follow DESIGN.md's parts: {@code hal} (hardware channels),
 * {@code safety} (watchdog and safe outputs around the profile's safety kernel), {@code runtime}
 * (the installed programs), {@code link} (MQTT to the hub, store-and-forward), {@code update} (the
 * update engine), {@code local} (CoAP on the LAN), {@code config}, {@code cli} and {@code app} (the
 * composition root).
 *
 * <p>Domain packages never import Pi4J, Paho or Californium; adapters in {@code hal.pi4j}, {@code
 * link.paho} and {@code local.californium}, named {@code Pi4j*}, {@code Paho*} and {@code
 * Californium*}, do. {@code ArchitectureTest} enforces it.
 */
package dev.hearth.agent;
