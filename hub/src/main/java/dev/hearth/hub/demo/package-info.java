/**
 * {@code hearth-hub --demo}: the hub on its embedded store with a handful of simulated appliances
 * running the real agent code in-process, enrolled over HTTP and connected over MQTT exactly as
 * boards would be, and a demo owner to log in with.
 */
package dev.hearth.hub.demo;
