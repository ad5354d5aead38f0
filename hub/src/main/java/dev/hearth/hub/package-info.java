/**
 * The Hearth hub. Packages follow DESIGN.md's parts: {@code gateway} (device endpoints: MQTT on
 * vertx-mqtt, CoAP on Californium), {@code registry} (devices, owners, claim codes, credentials),
 * {@code telemetry} (ingest, queries, downsampling, retention, alerts), {@code catalog} and {@code
 * rollout} (firmware), {@code api} (REST and live push), {@code web} (the dashboard), {@code store}
 * (repository interfaces; {@code store.jdbc} implements them on H2 and PostgreSQL) and {@code app}
 * (configuration and the composition root).
 *
 * <p>Services are plain classes behind interfaces; verticles are thin edges; only adapters import
 * the transport libraries.
 */
package dev.hearth.hub;
