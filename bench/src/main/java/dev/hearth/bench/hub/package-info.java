/**
 * The hub as the benchmarks start it: {@link dev.hearth.hub.app.HubApplication#start}, the same
 * composition root {@code hearth-hub} runs, in a JVM of its own so its memory and CPU are its own,
 * plus the owner account the fleet enrolls its devices with.
 */
package dev.hearth.bench.hub;
