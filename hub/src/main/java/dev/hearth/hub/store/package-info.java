/**
 * What the hub keeps, behind repository interfaces. One JDBC implementation ({@code store.jdbc})
 * serves the embedded H2 default and PostgreSQL; one test suite runs against both.
 *
 * <p>Calls block: callers run them off the event loop (Vert.x worker threads or the ingest writer
 * thread). Every write that acknowledges a device message goes through {@link
 * dev.hearth.hub.store.HubStore#commit}, one transaction per batch.
 */
package dev.hearth.hub.store;
